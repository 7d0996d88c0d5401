package org.difflab.theory.convergence;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * An empirical convergence order p, from errors e at step sizes h (h = 1/T or ln T / T, {@link StepProxy}).
 *
 * <p><b>Why a next-order term.</b> A method of order p has the error expansion e(h) = C h^p (1 + D h + O(h^2))
 * (Hairer, Norsett and Wanner, Solving ODEs I, section II.8, asymptotic expansion of the global error), so
 * log e = log C + p log h + D h + O(h^2). Exact errors ({@code ExactEvaluator}) carry no noise: the scatter about a
 * straight line in (log h, log e) is the systematic D h term, so the plain least-squares slope is biased by it and
 * its t-interval, which treats the residuals as random, can be narrow and still miss p. The default fit therefore
 * models the next-order term explicitly, log e = a + p log h + c h, by ordinary least squares (the extrapolation
 * idea of Richardson, in regression form), with the 95% interval of p from its standard error and the t-distribution
 * with n - 3 degrees of freedom. What is left, O(h^2), is smaller by a factor h. With 2 or 3 points (no degrees of
 * freedom left for three parameters) the fit falls back to the plain slope.
 *
 * <p>The plain slope (with its t-interval on n - 2 degrees of freedom) and the local slopes between consecutive step
 * counts are kept: local slopes that drift show a pre-asymptotic regime (the way DiffEqDevTools.jl's convergence
 * tests read orders off work-precision data).
 *
 * @param order       fitted order: of the next-order model with 4 or more points, else the plain slope
 * @param lower       lower end of the 95% confidence interval of {@code order} (NaN with fewer than 3 points)
 * @param upper       upper end of the 95% confidence interval of {@code order} (NaN with fewer than 3 points)
 * @param localSlopes order between consecutive points (n - 1 values)
 * @param plainOrder  plain least-squares slope of log e vs log h
 * @param plainLower  lower end of its 95% confidence interval (NaN with fewer than 3 points)
 * @param plainUpper  upper end of its 95% confidence interval (NaN with fewer than 3 points)
 * @param nextOrder   fitted coefficient c of the h term (the D of the expansion); NaN when the plain fit is used
 */
public record OrderFit(double order, double lower, double upper, double[] localSlopes, double plainOrder, double plainLower,
                       double plainUpper, double nextOrder) {

    /** Number of points from which the next-order model is fitted (3 parameters, at least 1 degree of freedom). */
    public static final int MIN_POINTS_NEXT_ORDER = 4;

    /** Fits errors at the given step counts, with step sizes from the proxy. */
    public static OrderFit fit(int[] steps, double[] errors, StepProxy proxy) {
        if (steps == null || errors == null || proxy == null) {
            throw new IllegalArgumentException("steps, errors and proxy must not be null (steps = " + Arrays.toString(steps)
                    + ", errors = " + Arrays.toString(errors) + ", proxy = " + proxy + ")");
        }
        double[] h = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            h[i] = proxy.stepSize(steps[i]);
        }
        return ofStepSizes(h, errors);
    }

    /** Fits errors e[i] at step sizes h[i] (distinct, > 0). */
    public static OrderFit ofStepSizes(double[] h, double[] errors) {
        if (h == null || errors == null || h.length != errors.length || h.length < 2) {
            throw new IllegalArgumentException("h has " + (h == null ? "null" : h.length) + " and errors " + (errors == null ? "null" : errors.length)
                    + " entries, which is not allowed: they must be equal and at least 2");
        }
        int n = h.length;
        double[] lx = new double[n];
        double[] ly = new double[n];
        SimpleRegression plain = new SimpleRegression();
        for (int i = 0; i < n; i++) {
            if (!(errors[i] > 0) || !Double.isFinite(errors[i])) {
                throw new IllegalArgumentException("errors[" + i + "] = " + errors[i] + " (at h = " + h[i] + ") is not allowed: an order fit needs finite errors > 0");
            }
            if (!(h[i] > 0) || !Double.isFinite(h[i])) {
                throw new IllegalArgumentException("h[" + i + "] = " + h[i] + " is not allowed: step sizes must be finite and > 0");
            }
            for (int j = 0; j < i; j++) {
                if (h[j] == h[i]) {
                    throw new IllegalArgumentException("h[" + i + "] = h[" + j + "] = " + h[i] + " is not allowed: step sizes must be distinct");
                }
            }
            lx[i] = Math.log(h[i]);
            ly[i] = Math.log(errors[i]);
            plain.addData(lx[i], ly[i]);
        }
        double[] local = new double[n - 1];
        for (int i = 0; i < local.length; i++) {
            local[i] = (ly[i + 1] - ly[i]) / (lx[i + 1] - lx[i]);
        }
        double slope = plain.getSlope();
        double plainHalf = n >= 3 ? plain.getSlopeConfidenceInterval(0.05) : Double.NaN;
        if (n < MIN_POINTS_NEXT_ORDER) {
            return new OrderFit(slope, slope - plainHalf, slope + plainHalf, local, slope, slope - plainHalf, slope + plainHalf, Double.NaN);
        }
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {lx[i], h[i]};
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(ly, x);
        double[] beta = ols.estimateRegressionParameters();
        double se = ols.estimateRegressionParametersStandardErrors()[1];
        double half = new TDistribution(n - 3).inverseCumulativeProbability(0.975) * se;
        return new OrderFit(beta[1], beta[1] - half, beta[1] + half, local, slope, slope - plainHalf, slope + plainHalf, beta[2]);
    }

    /** Whether the confidence interval of {@link #order} contains p. */
    public boolean contains(double p) {
        return lower <= p && p <= upper;
    }

    /** Whether the plain slope's confidence interval contains p. */
    public boolean plainContains(double p) {
        return plainLower <= p && p <= plainUpper;
    }

    /** Whether {@link #order} comes from the next-order model (4 or more points). */
    public boolean corrected() {
        return !Double.isNaN(nextOrder);
    }

    @Override
    public double[] localSlopes() {
        return localSlopes.clone();
    }

    @Override
    public String toString() {
        String local = Arrays.toString(Arrays.stream(localSlopes).map(s -> Math.round(s * 1000) / 1000.0).toArray());
        if (!corrected()) {
            return String.format("order %.3f, 95%% CI [%.3f, %.3f], local %s", order, lower, upper, local);
        }
        return String.format("order %.3f, 95%% CI [%.3f, %.3f] (fit a + p log h + c h, c = %.3g; plain %.3f [%.3f, %.3f]), local %s",
                order, lower, upper, nextOrder, plainOrder, plainLower, plainUpper, local);
    }
}
