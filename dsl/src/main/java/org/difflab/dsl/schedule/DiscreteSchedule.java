package org.difflab.dsl.schedule;

import java.util.Locale;
import org.difflab.dsl.Require;

/**
 * A DDPM training schedule given by its betas: X_t = sqrt(1 - beta_t) X_{t-1} + sqrt(beta_t) W_t, t = 1..N
 * (Ho et al. 2020, eq. 2), alpha_t = 1 - beta_t, abar_t = prod alpha_i, abar_0 = 1.
 *
 * <p>Between indices, ln abar is interpolated linearly, so f(t) = ln(alpha_k)/2 on (k-1, k] and the
 * continuous view is the VP SDE with a piecewise-constant beta(t) = -ln(alpha_k).
 */
public abstract class DiscreteSchedule implements NoiseSchedule {
    private final double[] betas;      // betas[k-1] = beta_k
    private final double[] logAlphaBar; // logAlphaBar[k] = ln abar_k, k = 0..N
    private final String name;
    private final String parameters;

    /** The checks of a beta range b0..b1 over T steps that grows from b0 to b1 (the linear and sqrt-linear schedules). */
    protected static void requireBetaRange(double b0, double b1, int steps) {
        Require.inRange("T", steps, 2, 10_000_000);
        Require.inRange("b0", b0, Double.MIN_VALUE, 0.999);
        Require.inRange("b1", b1, Double.MIN_VALUE, 0.999);
        if (b0 > b1) {
            throw new IllegalArgumentException("b0 = " + b0 + " is not allowed with b1 = " + b1 + ": must be at most b1 (the betas "
                    + "grow from b0 to b1, the signal falling slowly first, as in DDPM; swap them)");
        }
    }

    /** Betas from {@code from} to {@code to} in equal steps over T = {@code steps} (>= 2) training steps. */
    protected static double[] linearRamp(double from, double to, int steps) {
        double[] b = new double[steps];
        for (int k = 0; k < steps; k++) {
            b[k] = from + (to - from) * k / (steps - 1);
        }
        return b;
    }

    /**
     * @param name       the schedule's short name, as in its spec
     * @param parameters the spec's parameters after T, e.g. {@code ",b0=1.0E-4,b1=0.02"}
     * @param betas      beta_1..beta_N, each in (0, 1)
     */
    protected DiscreteSchedule(String name, String parameters, double[] betas) {
        this.name = name;
        this.parameters = parameters;
        Require.positive("T", betas.length);
        this.betas = betas.clone();
        this.logAlphaBar = new double[betas.length + 1];
        for (int k = 1; k <= betas.length; k++) {
            double b = betas[k - 1];
            if (!(b > 0 && b < 1)) {
                throw new IllegalArgumentException("beta_" + k + " = " + b + " is not allowed: each beta must lie in (0, 1)");
            }
            logAlphaBar[k] = logAlphaBar[k - 1] + Math.log1p(-b);
        }
        double end = logAlphaBar[betas.length];
        if (end < MIN_LOG_ALPHA_BAR) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "T = %d is not allowed with these betas: the signal left "
                    + "at the end, abar_T = exp(%.6g), is below exp(%d) (about 1e-304): 1/abar_T, the squared "
                    + "scale of the samplers' denoised estimate (x - sigma eps) / alpha, would near the double-precision limit "
                    + "(e^709.8), and alpha itself is 0 below exp(-1490); with these betas use at most about %d steps", betas.length, end, (int) MIN_LOG_ALPHA_BAR,
                    (long) Math.floor(betas.length * (MIN_LOG_ALPHA_BAR / end))));
        }
    }

    /**
     * The least ln abar_T allowed: abar_T >= e^-700 keeps alpha >= e^-350 and sigma^2 / alpha^2 <= e^700 finite in double
     * precision. linear:T=10000000 (betas 1e-4..0.02) ends at ln abar_T = -101,177: alpha(T) is 0 and the first step's
     * denoised estimate, (x - sigma eps) / alpha, is NaN.
     */
    static final double MIN_LOG_ALPHA_BAR = -700;

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String spec() {
        return name + ":T=" + trainingSteps() + parameters;
    }

    /** Number of training steps N. */
    public int trainingSteps() {
        return betas.length;
    }

    /** beta_k for k = 1..N. */
    public double beta(int k) {
        return betas[checkIndex(k, 1) - 1];
    }

    /** alpha_k = 1 - beta_k for k = 1..N. */
    public double alphaStep(int k) {
        return 1 - beta(k);
    }

    /** abar_k for k = 0..N. */
    public double alphaBar(int k) {
        return Math.exp(logAlphaBar[checkIndex(k, 0)]);
    }

    private int checkIndex(int k, int lo) {
        if (k < lo || k > betas.length) {
            throw new IllegalArgumentException("t = " + k + " is not allowed: must be an index in [" + lo + ", " + betas.length + "]");
        }
        return k;
    }

    private double logAlphaBarAt(double t) {
        if (!(t >= 0 && t <= betas.length)) {
            throw new IllegalArgumentException("t = " + t + " is not allowed: must lie in [0, " + betas.length + "]");
        }
        int k = (int) Math.floor(t);
        if (k == betas.length) {
            return logAlphaBar[k];
        }
        double w = t - k;
        return (1 - w) * logAlphaBar[k] + w * logAlphaBar[k + 1];
    }

    @Override
    public boolean discrete() {
        return true;
    }

    @Override
    public double tMax() {
        return betas.length;
    }

    @Override
    public double tMin() {
        return 1;
    }

    @Override
    public double alpha(double t) {
        return Math.exp(0.5 * logAlphaBarAt(t));
    }

    @Override
    public double sigma(double t) {
        return Math.sqrt(-Math.expm1(logAlphaBarAt(t)));
    }

    @Override
    public double lambda(double t) {
        double l = logAlphaBarAt(t);
        return 0.5 * (l - Math.log(-Math.expm1(l)));
    }

    @Override
    public double drift(double t) {
        int k = Math.max(1, (int) Math.ceil(t));
        if (k > betas.length) {
            k = betas.length;
        }
        return 0.5 * Math.log1p(-betas[k - 1]);
    }

    @Override
    public double diffusionSquared(double t) {
        return -2 * drift(t);
    }

    @Override
    public double priorStd() {
        return 1.0;
    }

    @Override
    public String toString() {
        return spec();
    }
}
