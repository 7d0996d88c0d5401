package org.difflab.plugin.build;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;

/**
 * The class-level dependency cycles among DiffLab's compiled classes: the class graph that {@code jdeps -verbose:class
 * -filter:none} reports (every reference in the bytecode, same-package ones included; a nested class counts as its
 * top-level class), cut into strongly connected components (Tarjan 1972); every component of two or more classes is a
 * cycle.
 */
final class ClassCycles {
    private static final Pattern EDGE = Pattern.compile("^\\s+(org\\.difflab\\.\\S+)\\s+->\\s+(org\\.difflab\\.\\S+)");

    private ClassCycles() {}

    /** The class graph of the given jars or class folders, from jdeps run in this JVM. */
    static Map<String, Set<String>> graph(List<Path> codeSources) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new IllegalStateException("jdeps is missing from this JDK"));
        List<String> args = new ArrayList<>(List.of("-verbose:class", "-filter:none"));
        codeSources.forEach(p -> args.add(p.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (rc != 0) {
            throw new IllegalStateException("jdeps " + args + " failed with exit " + rc + ": " + err);
        }
        return parse(out.toString());
    }

    /** The edges of a {@code jdeps -verbose:class} report between org.difflab classes, nested classes folded into their top level. */
    static Map<String, Set<String>> parse(String report) {
        Map<String, Set<String>> edges = new TreeMap<>();
        for (String line : report.split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                String from = topLevel(m.group(1));
                String to = topLevel(m.group(2));
                if (!from.equals(to)) {
                    edges.computeIfAbsent(from, k -> new TreeSet<>()).add(to);
                }
            }
        }
        return edges;
    }

    private static String topLevel(String className) {
        int dollar = className.indexOf('$');
        return dollar < 0 ? className : className.substring(0, dollar);
    }

    /** Every strongly connected component of two or more classes, each sorted, as one line "A B C". */
    static Set<String> cycles(Map<String, Set<String>> edges) {
        return new Tarjan(edges).run();
    }

    /** Tarjan's strongly connected components, iterative over an explicit stack (no deep recursion). */
    private static final class Tarjan {
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final List<String> stack = new ArrayList<>();
        private final Set<String> onStack = new TreeSet<>();
        private final Set<String> components = new TreeSet<>();

        Tarjan(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        Set<String> run() {
            for (String v : edges.keySet()) {
                if (!index.containsKey(v)) {
                    visit(v);
                }
            }
            return components;
        }

        private void visit(String root) {
            List<String> path = new ArrayList<>();
            List<Iterator<String>> pending = new ArrayList<>();
            enter(root, path, pending);
            while (!path.isEmpty()) {
                String v = path.get(path.size() - 1);
                Iterator<String> next = pending.get(pending.size() - 1);
                if (next.hasNext()) {
                    String w = next.next();
                    if (!index.containsKey(w)) {
                        enter(w, path, pending);
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                path.remove(path.size() - 1);
                pending.remove(pending.size() - 1);
                if (!path.isEmpty()) {
                    String parent = path.get(path.size() - 1);
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    Set<String> component = new TreeSet<>();
                    String w;
                    do {
                        w = stack.remove(stack.size() - 1);
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    if (component.size() > 1) {
                        components.add(String.join(" ", component));
                    }
                }
            }
        }

        private void enter(String v, List<String> path, List<Iterator<String>> pending) {
            index.put(v, index.size());
            low.put(v, index.get(v));
            stack.add(v);
            onStack.add(v);
            path.add(v);
            pending.add(edges.getOrDefault(v, Set.of()).iterator());
        }
    }
}
