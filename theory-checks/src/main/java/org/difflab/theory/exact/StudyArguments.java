package org.difflab.theory.exact;

/**
 * The argument checks the studies' fluent setters share ({@link ExactEvaluator}, {@code Convergence},
 * {@code ComplexityStudy}): one wording of the error that names the parameter, its value and what is allowed.
 */
public final class StudyArguments {

    private StudyArguments() {}

    /** The value, or an error naming the parameter when it is null. */
    public static <T> T nonNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null, which is not allowed");
        }
        return value;
    }

    /** The value, or an error naming the parameter when it is below 1 (a count: steps, repetitions). */
    public static int atLeastOne(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " = " + value + " is not allowed: must be >= 1");
        }
        return value;
    }
}
