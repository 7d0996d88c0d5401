package org.difflab.dsl.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A catalogue of things built from spec strings ({@code name:key=value,...}): each name has a one-line description, its
 * parameters with their defaults and a factory from the parsed {@link Spec}. One class serves the diffusion and Langevin
 * integrators, the schedules and the grid rules, so that every catalogue parses, lists and refuses names the same way: names
 * are case-insensitive, an unknown one is answered with the registered names and the closest of them, and a name that exists
 * only in code ({@link #codeOnly(String, String)}) is answered with the reason it is not registered.
 *
 * @param <T> what a spec builds
 */
public final class Registry<T> {
    private final String kind;
    private final Map<String, Entry<T>> entries = new LinkedHashMap<>();
    private final Map<String, String> codeOnly = new LinkedHashMap<>();

    /** A registered name: its description, its parameters (defaults shown) and how to build it from a spec. */
    public record Entry<T>(String name, String description, String parameters, Function<Spec, T> factory) {
    }

    /** An empty registry; {@code kind} (integrator, schedule, ...) labels its error messages. */
    public Registry(String kind) {
        this.kind = kind;
    }

    /** Registers a factory under a name (case-insensitive in specs); a name is registered at most once. */
    public synchronized void register(String name, String description, String parameters, Function<Spec, T> factory) {
        if (entries.containsKey(name.toLowerCase())) {
            throw new IllegalArgumentException(kind + " name '" + name + "' is already registered");
        }
        entries.put(name.toLowerCase(), new Entry<>(name, description, parameters, factory));
    }

    /** Names a thing that exists only in code, with why: a spec naming it is refused with this reason. */
    public synchronized void codeOnly(String name, String why) {
        codeOnly.put(name, why);
    }

    /** Every entry, in registration order. */
    public synchronized List<Entry<T>> entries() {
        return Collections.unmodifiableList(new ArrayList<>(entries.values()));
    }

    /** The names that exist only in code, each with the reason, in the order given. */
    public synchronized Map<String, String> codeOnly() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(codeOnly));
    }

    /** Each entry's spec with its defaults ({@code name} or {@code name:parameters}) to its description, in registration order. */
    public Map<String, String> specs() {
        Map<String, String> m = new LinkedHashMap<>();
        entries().forEach(e -> m.put(e.parameters().isEmpty() ? e.name() : e.name() + ":" + e.parameters(), e.description()));
        return m;
    }

    /** One default-configured instance of every entry (its bare name parsed). */
    public List<T> all() {
        List<T> out = new ArrayList<>();
        for (Entry<T> e : entries()) {
            out.add(parse(e.name()));
        }
        return out;
    }

    /** Builds what a spec such as {@code name} or {@code name:key=value} names; a key its factory does not read is refused. */
    public T parse(String text) {
        Spec s = Spec.parse(kind, text);
        Entry<T> e;
        synchronized (this) {
            e = entries.get(s.name());
        }
        if (e == null) {
            throw unknown(s);
        }
        T out = e.factory().apply(s);
        s.done();
        return out;
    }

    private IllegalArgumentException unknown(Spec s) {
        List<String> names = new ArrayList<>();
        List<String> candidates = new ArrayList<>();
        entries().forEach(e -> names.add(e.name()));
        candidates.addAll(names);
        for (Map.Entry<String, String> c : codeOnly().entrySet()) {
            if (c.getKey().equalsIgnoreCase(s.name())) {
                return s.bad("name", c.getKey(), "a registered " + kind + ": " + c.getKey() + " is " + c.getValue());
            }
            candidates.add(c.getKey());
        }
        return s.bad("name", s.name(), "one of " + String.join(", ", names) + Closest.suggestion(s.name(), candidates));
    }
}
