package org.difflab.dsl;

import java.util.Arrays;
import java.util.List;

/**
 * Argument checks shared by every public entry point. Each failure is an
 * {@link IllegalArgumentException} whose message names the parameter, the value and what is allowed,
 * in the spirit of the precise messages of Hipparchus / Commons Math.
 */
public final class Require {
    private Require() {}

    /** Fails unless {@code value} is finite and strictly positive. */
    public static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is not allowed: must be a finite number > 0");
        }
        return value;
    }

    /** Fails unless {@code value} is strictly positive; +infinity is allowed (for "no limit" knobs such as a clip). */
    public static double positiveOrInfinity(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " = " + value + " is not allowed: must be a number > 0 or Infinity");
        }
        return value;
    }

    /** Fails unless {@code value} is strictly positive. */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " = " + value + " is not allowed: must be an integer >= 1");
        }
        return value;
    }

    /** Fails unless {@code value} is finite and not negative. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is not allowed: must be a finite number >= 0");
        }
        return value;
    }

    /** Fails unless {@code value} is finite (not NaN, not infinite). */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " is not allowed: must be a finite number");
        }
        return value;
    }

    /** Fails unless every entry is finite. */
    public static double[] finite(String name, double[] values) {
        notNull(name, values);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + values[i] + " is not allowed: must be a finite number");
            }
        }
        return values;
    }

    /** Fails unless {@code lo <= value <= hi}. */
    public static double inRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name + " = " + value + " is not allowed: must lie in [" + lo + ", " + hi + "]");
        }
        return value;
    }

    /** Fails unless {@code lo <= value <= hi}. */
    public static int inRange(String name, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(name + " = " + value + " is not allowed: must be an integer in [" + lo + ", " + hi + "]");
        }
        return value;
    }

    /** Fails when {@code lo >= hi}, naming both parameters. */
    public static void less(String loName, double lo, String hiName, double hi) {
        if (!(lo < hi)) {
            throw new IllegalArgumentException(loName + " = " + lo + " and " + hiName + " = " + hi
                    + " are not allowed: " + loName + " must be < " + hiName);
        }
    }

    /** Step counts of a convergence study: at least 2, each >= 1, increasing; a copy of them. */
    public static int[] increasingSteps(int[] steps) {
        if (steps == null || steps.length < 2) {
            throw new IllegalArgumentException("steps = " + Arrays.toString(steps) + " is not allowed: give at least 2 step counts");
        }
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] < 1 || (i > 0 && steps[i] <= steps[i - 1])) {
                throw new IllegalArgumentException("steps[" + i + "] = " + steps[i] + " is not allowed: step counts must be >= 1 and increasing");
            }
        }
        return steps.clone();
    }

    /** The values, at least one and none null (e.g. the integrators of a study), as an unmodifiable list. */
    public static <T> List<T> nonEmpty(String name, String each, T[] values) {
        if (values == null || values.length == 0) {
            throw new IllegalArgumentException(name + " is empty, which is not allowed: give at least 1 " + each);
        }
        for (int i = 0; i < values.length; i++) {
            notNull(name + "[" + i + "]", values[i]);
        }
        return List.of(values);
    }

    /** Fails when the value is null. */
    public static <T> T notNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing: must not be null");
        }
        return value;
    }

    /** Fails when two dimensions differ. */
    public static void sameDimension(String name, long actual, long expected) {
        if (actual != expected) {
            throw new IllegalArgumentException(name + " has dimension " + actual + ", which is not allowed: must be "
                    + expected + " to match the target");
        }
    }
}
