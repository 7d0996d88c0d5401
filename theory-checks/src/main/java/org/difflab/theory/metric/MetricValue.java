package org.difflab.theory.metric;

/**
 * The value of a metric with what is known about it: a best estimate, a bracket [lower, upper] that contains the
 * true value, and the standard error of a Monte Carlo estimate (0 when the estimate is exact). An exact value has
 * lower = value = upper.
 */
public record MetricValue(double value, double lower, double upper, double standardError) {

    /** An exact value. */
    public static MetricValue exact(double value) {
        return new MetricValue(value, value, value, 0);
    }

    /** Whether the value is known exactly. */
    public boolean isExact() {
        return lower == upper && standardError == 0;
    }

    @Override
    public String toString() {
        return isExact() ? String.format("%.6e", value)
                : String.format("%.6e in [%.6e, %.6e]%s", value, lower, upper, standardError > 0 ? String.format(" (se %.2e)", standardError) : "");
    }
}
