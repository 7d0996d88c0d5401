package org.difflab.theory.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal JSON writer (RFC 8259) for reports and the command line: maps become objects (in their iteration
 * order), lists and double arrays become arrays, strings are escaped, numbers are written as the shortest
 * decimal that reads back exactly ({@link Double#toString}), and non-finite numbers (not representable in JSON) become null.
 */
public final class Json {
    private Json() {}

    /** The JSON text of a value: null, Boolean, Number, String, Enum, Map, List, double[] or int[]. */
    public static String write(Object value) {
        StringBuilder b = new StringBuilder();
        write(b, value, 0);
        return b.append('\n').toString();
    }

    private static void write(StringBuilder b, Object v, int indent) {
        if (v == null) {
            b.append("null");
        } else if (v instanceof Boolean) {
            b.append(v);
        } else if (v instanceof Integer || v instanceof Long) {
            b.append(v);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            b.append(Double.isFinite(d) ? Double.toString(d) : "null");
        } else if (v instanceof String || v instanceof Enum<?>) {
            quote(b, v.toString());
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            int i = 0;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                b.append(i++ == 0 ? "\n" : ",\n").append("  ".repeat(indent + 1));
                quote(b, String.valueOf(e.getKey()));
                b.append(": ");
                write(b, e.getValue(), indent + 1);
            }
            b.append(m.isEmpty() ? "" : "\n" + "  ".repeat(indent)).append('}');
        } else if (v instanceof double[] a) {
            List<Object> l = new ArrayList<>();
            for (double x : a) {
                l.add(x);
            }
            write(b, l, indent);
        } else if (v instanceof int[] a) {
            List<Object> l = new ArrayList<>();
            for (int x : a) {
                l.add(x);
            }
            write(b, l, indent);
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                b.append(i == 0 ? "" : ", ");
                write(b, l.get(i), indent);
            }
            b.append(']');
        } else {
            throw new IllegalArgumentException("value of type " + v.getClass().getName() + " is not allowed: one of null, Boolean, "
                    + "Number, String, Enum, Map, List, double[], int[]");
        }
    }

    private static void quote(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
