package org.difflab.theory.convergence;

import java.util.Arrays;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * An empirical convergence order: the least-squares slope of log error against log step proxy, with a 95%
 * confidence interval from the t-distribution with n - 2 degrees of freedom, and the local slopes between
 * consecutive step counts (the way DiffEqDevTools.jl's convergence tests and Hairer, Norsett and Wanner, Solving
 * ODEs I, section II.4, read orders off work-precision data). A straight fit with local slopes that drift shows a
 * pre-asymptotic regime.
 *
 * @param order       fitted order
 * @param lower       lower end of the 95% confidence interval (NaN with fewer than 3 points)
 * @param upper       upper end of the 95% confidence interval (NaN with fewer than 3 points)
 * @param localSlopes order between consecutive points (n - 1 values)
 */
public record OrderFit(double order, double lower, double upper, double[] localSlopes) {

    /** Fits errors at the given step counts against the proxy. */
    public static OrderFit fit(int[] steps, double[] errors, StepProxy proxy) {
        if (steps.length != errors.length || steps.length < 2) {
            throw new IllegalArgumentException("steps has " + steps.length + " and errors " + errors.length
                    + " entries, which is not allowed: they must be equal and at least 2");
        }
        SimpleRegression r = new SimpleRegression();
        double[] lx = new double[steps.length];
        double[] ly = new double[steps.length];
        for (int i = 0; i < steps.length; i++) {
            if (!(errors[i] > 0) || !Double.isFinite(errors[i])) {
                throw new IllegalArgumentException("errors[" + i + "] = " + errors[i] + " (at " + steps[i]
                        + " steps) is not allowed: an order fit needs finite errors > 0");
            }
            lx[i] = Math.log(proxy.at(steps[i]));
            ly[i] = Math.log(errors[i]);
            r.addData(lx[i], ly[i]);
        }
        double order = proxy.sign() * r.getSlope();
        double half = steps.length >= 3 ? r.getSlopeConfidenceInterval(0.05) : Double.NaN;
        double[] local = new double[steps.length - 1];
        for (int i = 0; i < local.length; i++) {
            local[i] = proxy.sign() * (ly[i + 1] - ly[i]) / (lx[i + 1] - lx[i]);
        }
        return new OrderFit(order, order - half, order + half, local);
    }

    /** Whether the confidence interval contains p. */
    public boolean contains(double p) {
        return lower <= p && p <= upper;
    }

    @Override
    public double[] localSlopes() {
        return localSlopes.clone();
    }

    @Override
    public String toString() {
        return String.format("order %.3f, 95%% CI [%.3f, %.3f], local %s", order, lower, upper,
                Arrays.toString(Arrays.stream(localSlopes).map(s -> Math.round(s * 1000) / 1000.0).toArray()));
    }
}
