package org.difflab.theory.montecarlo;

/**
 * A Monte Carlo estimate of a distance between distributions with its standard error, and a one-line account of
 * how it was computed (kernel, bandwidth, points used, subsampling, resamples), so a table can say what it shows.
 *
 * @param value         the estimate
 * @param standardError its standard error (how it is obtained is part of {@code method})
 * @param method        how the estimate was computed
 */
public record Estimate(double value, double standardError, String method) {

    /** Whether {@code truth} lies within {@code k} standard errors plus {@code slack} of the estimate. */
    public boolean agreesWith(double truth, double k, double slack) {
        return Math.abs(value - truth) <= k * standardError + slack;
    }

    @Override
    public String toString() {
        return String.format("%.6e (se %.2e; %s)", value, standardError, method);
    }
}
