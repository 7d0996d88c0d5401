package org.difflab.dsl.schedule;

import org.difflab.dsl.Require;

/**
 * The EDM parameterisation of Karras et al. (2022, Table 1): alpha = 1, sigma(t) = t, so the probability-flow
 * ODE is dx/dsigma = (x - D(x))/sigma; t runs over [0, smax] and models are evaluated down to smin.
 * Use it with {@code Grids.karras(n, 7)}.
 */
public final class EdmSchedule implements NoiseSchedule {
    private final double smin;
    private final double smax;

    public EdmSchedule(double smin, double smax) {
        Require.positive("smin", smin);
        Require.positive("smax", smax);
        Require.less("smin", smin, "smax", smax);
        this.smin = smin;
        this.smax = smax;
    }

    private void check(double t) {
        if (!(t >= 0 && t <= smax)) {
            throw new IllegalArgumentException("t = " + t + " is not allowed: must lie in [0, " + smax + "]");
        }
    }

    // alike VeSchedule in shape only: EDM's sigma(t) = t on [smin, smax], not VE's geometric sigma on [0, 1]
    @Override
    public String name() {
        return "edm";
    }

    @Override
    public String spec() {
        return "edm:smin=" + smin + ",smax=" + smax;
    }

    @Override
    public double tMax() {
        return smax;
    }

    @Override
    public double tMin() {
        return smin;
    }

    @Override
    public double alpha(double t) {
        check(t);
        return 1;
    }

    @Override
    public double sigma(double t) {
        check(t);
        return t;
    }

    @Override
    public double drift(double t) {
        return 0;
    }

    @Override
    public double diffusionSquared(double t) {
        check(t);
        return 2 * t;
    }

    @Override
    public double timeOfLambda(double lambda) {
        return Math.exp(-lambda);
    }

    @Override
    public String toString() {
        return spec();
    }
}
