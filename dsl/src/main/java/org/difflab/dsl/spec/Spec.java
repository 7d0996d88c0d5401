package org.difflab.dsl.spec;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.DoublePredicate;

/**
 * A short description string {@code name:key=value,key=value} such as {@code gaussian:d=2,mean=1,var=0.05}
 * or {@code li:T=400,c0=2,c1=6}. Typed getters report the bad key and value; {@link #done()} rejects keys
 * that the consumer did not read, so a typo never passes silently.
 */
public final class Spec {
    private final String kind;
    private final String text;
    private final String name;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();

    private Spec(String kind, String text) {
        this.kind = kind;
        this.text = text;
        int colon = text.indexOf(':');
        this.name = (colon < 0 ? text : text.substring(0, colon)).trim().toLowerCase();
        if (name.isEmpty()) {
            throw new IllegalArgumentException(kind + " spec '" + text + "' is not allowed: it must start with a name, as in name:key=value");
        }
        if (colon >= 0 && colon < text.length() - 1) {
            for (String pair : text.substring(colon + 1).split(",")) {
                int eq = pair.indexOf('=');
                if (eq <= 0 || eq == pair.length() - 1) {
                    throw new IllegalArgumentException(kind + " spec '" + text + "': '" + pair
                            + "' is not allowed: each entry must be key=value");
                }
                String key = pair.substring(0, eq).trim();
                if (values.put(key, pair.substring(eq + 1).trim()) != null) {
                    throw new IllegalArgumentException(kind + " spec '" + text + "': key '" + key + "' is given twice");
                }
            }
        }
    }

    /** Parses a spec; {@code kind} (schedule, target, ...) only labels error messages. */
    public static Spec parse(String kind, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(kind + " spec = '" + (text == null ? "null" : text)
                    + "' is not allowed: it is empty; must be name[:key=value,...]");
        }
        return new Spec(kind, text.trim());
    }

    public String name() {
        return name;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** A string value, or the default when absent. */
    public String string(String key, String dflt) {
        read.add(key);
        return values.getOrDefault(key, dflt);
    }

    /** A real number, or the default when absent; NaN and infinities are rejected. */
    public double real(String key, double dflt) {
        String v = raw(key);
        return v == null ? dflt : number(key, v, Double::isFinite, "a finite number");
    }

    /** A real number &gt; 0, or the default when absent (the default is checked too). */
    public double positiveReal(String key, double dflt) {
        double x = real(key, dflt);
        if (!(x > 0)) {
            throw bad(key, x, "> 0");
        }
        return x;
    }

    /**
     * A real number or +infinity ({@code inf}, {@code infinity}, any case, or {@code Infinity} as Java prints it), or
     * the default when absent; NaN and -infinity are rejected. For knobs where infinity means "no limit".
     */
    public double realOrInfinity(String key, double dflt) {
        String v = raw(key);
        if (v == null) {
            return dflt;
        }
        if (v.equalsIgnoreCase("inf") || v.equalsIgnoreCase("infinity") || v.equalsIgnoreCase("+inf") || v.equalsIgnoreCase("+infinity")) {
            return Double.POSITIVE_INFINITY;
        }
        return number(key, v, x -> !Double.isNaN(x) && x != Double.NEGATIVE_INFINITY, "a finite number or inf");
    }

    /** An integer, or the default when absent. */
    public int integer(String key, int dflt) {
        String v = raw(key);
        if (v == null) {
            return dflt;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw bad(key, v, "an integer");
        }
    }

    /**
     * One of two words, each standing for a value (e.g. {@code noise=dense|sparse}), or the default word's value when absent;
     * any other word is refused with "A or B".
     */
    public <T> T oneOf(String key, String dflt, String a, T ifA, String b, T ifB) {
        String v = string(key, dflt);
        if (v.equals(a)) {
            return ifA;
        }
        if (v.equals(b)) {
            return ifB;
        }
        throw bad(key, v, a + " or " + b);
    }

    /** A list of reals separated by ';' (e.g. {@code diag=0.1;0.5;2}), or null when absent. */
    public double[] reals(String key) {
        String v = raw(key);
        if (v == null) {
            return null;
        }
        String[] parts = v.split(";");
        double[] out = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw bad(key, v, "numbers separated by ';'");
            }
            if (!Double.isFinite(out[i])) {
                throw bad(key, v, "finite numbers separated by ';'");
            }
        }
        return out;
    }

    /** The key's text, or null when absent; marks the key as asked for (see {@link #done}). */
    private String raw(String key) {
        read.add(key);
        return values.get(key);
    }

    /** {@code v} as a number, refused with {@code what} when it does not parse or {@code allowed} rejects it. */
    private double number(String key, String v, DoublePredicate allowed, String what) {
        double x;
        try {
            x = Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw bad(key, v, what);
        }
        if (!allowed.test(x)) {
            throw bad(key, v, what);
        }
        return x;
    }

    /** An error naming this spec's key, its value and what is allowed. */
    public IllegalArgumentException bad(String key, Object value, String allowed) {
        return new IllegalArgumentException(kind + " spec '" + text + "': " + key + " = " + value
                + " is not allowed: must be " + allowed);
    }

    /** Fails if a key was given that no getter asked for. */
    public void done() {
        for (String key : values.keySet()) {
            if (!read.contains(key)) {
                throw new IllegalArgumentException(kind + " spec '" + text + "': unknown key '" + key + "' for " + name
                        + (read.isEmpty() ? " (it takes no keys)" : "; allowed keys: " + String.join(", ", read)));
            }
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
