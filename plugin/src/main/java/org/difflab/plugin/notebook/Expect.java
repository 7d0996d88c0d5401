package org.difflab.plugin.notebook;

import java.util.List;
import java.util.Locale;

/**
 * The checks a notebook ends with: each throws an {@link AssertionError} naming the quantity, its value and what was
 * expected (so a headless run of the notebook fails), and otherwise returns a line saying what held. Plain Java
 * {@code assert} is off unless the JVM runs with -ea, which kernels do not.
 */
public final class Expect {
    private Expect() {}

    /** {@code lower <= value <= upper}. */
    public static String between(String quantity, double value, double lower, double upper) {
        if (!(value >= lower && value <= upper)) {
            throw new AssertionError(quantity + " = " + format(value) + ", expected in [" + format(lower) + ", " + format(upper) + "]");
        }
        return quantity + " = " + format(value) + " in [" + format(lower) + ", " + format(upper) + "]: holds";
    }

    /** {@code value <= bound}. */
    public static String atMost(String quantity, double value, double bound) {
        if (!(value <= bound)) {
            throw new AssertionError(quantity + " = " + format(value) + ", expected <= " + format(bound));
        }
        return quantity + " = " + format(value) + " <= " + format(bound) + ": holds";
    }

    /** A condition described in words. */
    public static String that(String statement, boolean holds) {
        if (!holds) {
            throw new AssertionError("expected: " + statement);
        }
        return statement + ": holds";
    }

    /** The lines of checks that held, shown as one list (each argument is the result of a check above). */
    public static Checked all(String... held) {
        return new Checked(List.of(held));
    }

    private static String format(double v) {
        return v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e5) ? String.format(Locale.ROOT, "%.4e", v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
