package org.difflab.theory.complexity;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * A power law for the iteration complexity, T(d, eps) = C d^a (1/eps)^b, fitted by ordinary least squares on
 * log T = log C + a log d + b log(1/eps), with 95% confidence intervals for a and b from the parameter standard
 * errors and the t-distribution with n - 3 degrees of freedom. Bounds of the form T = O~(d^a / eps^b) (e.g.
 * T ~ d / eps for the Li et al. 2023 ODE sampler in TV, Theorem 1) are read off a and b.
 *
 * <p>The step counts are integers found by search, so the residuals include rounding of T and lower-order terms;
 * the interval treats them as random scatter, which is an approximation.
 *
 * @param logC   fitted log C
 * @param a      exponent of d
 * @param aLower lower end of the 95% confidence interval of a
 * @param aUpper upper end of the 95% confidence interval of a
 * @param b      exponent of 1/eps
 * @param bLower lower end of the 95% confidence interval of b
 * @param bUpper upper end of the 95% confidence interval of b
 * @param points number of (d, eps, T) points fitted
 */
public record ComplexityFit(double logC, double a, double aLower, double aUpper, double b, double bLower, double bUpper, int points) {

    /** Fewest points: 3 parameters and at least 1 degree of freedom for the intervals. */
    public static final int MIN_POINTS = 4;

    /**
     * Fits steps[i] = C dims[i]^a eps[i]^-b. Needs at least {@link #MIN_POINTS} points, at least 2 distinct
     * dimensions and 2 distinct eps (else a or b is not identifiable); see {@link #identifiable}.
     */
    public static ComplexityFit of(double[] dims, double[] eps, double[] steps) {
        if (dims == null || eps == null || steps == null || dims.length != eps.length || dims.length != steps.length) {
            throw new IllegalArgumentException("dims, eps and steps must be non-null arrays of equal length (lengths "
                    + (dims == null ? "null" : dims.length) + ", " + (eps == null ? "null" : eps.length) + ", " + (steps == null ? "null" : steps.length) + ")");
        }
        if (!identifiable(dims, eps)) {
            throw new IllegalArgumentException(dims.length + " points with " + distinct(dims) + " distinct dims and " + distinct(eps)
                    + " distinct eps is not allowed: need >= " + MIN_POINTS + " points, >= 2 distinct dims and >= 2 distinct eps");
        }
        int n = dims.length;
        double[] y = new double[n];
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            positive("dims", i, dims[i]);
            positive("eps", i, eps[i]);
            positive("steps", i, steps[i]);
            y[i] = Math.log(steps[i]);
            x[i] = new double[] {Math.log(dims[i]), -Math.log(eps[i])};
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(y, x);
        double[] beta = ols.estimateRegressionParameters();
        double[] se = ols.estimateRegressionParametersStandardErrors();
        double t = new TDistribution(n - 3).inverseCumulativeProbability(0.975);
        return new ComplexityFit(beta[0], beta[1], beta[1] - t * se[1], beta[1] + t * se[1], beta[2], beta[2] - t * se[2], beta[2] + t * se[2], n);
    }

    /** Whether a and b can be fitted from these points. */
    public static boolean identifiable(double[] dims, double[] eps) {
        return dims.length >= MIN_POINTS && distinct(dims) >= 2 && distinct(eps) >= 2;
    }

    private static long distinct(double[] v) {
        return Arrays.stream(v).distinct().count();
    }

    private static void positive(String name, int i, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + "[" + i + "] = " + v + " is not allowed: must be finite and > 0");
        }
    }

    /** Whether the interval of a contains this value. */
    public boolean aContains(double value) {
        return aLower <= value && value <= aUpper;
    }

    /** Whether the interval of b contains this value. */
    public boolean bContains(double value) {
        return bLower <= value && value <= bUpper;
    }

    @Override
    public String toString() {
        return String.format("T ~ %.3g d^a eps^-b: a = %.3f [%.3f, %.3f], b = %.3f [%.3f, %.3f] (95%% CI, %d points)",
                Math.exp(logC), a, aLower, aUpper, b, bLower, bUpper, points);
    }
}
