package org.difflab.dsl.schedule;

import org.difflab.dsl.Require;

/**
 * Continuous variance-exploding SDE of Song et al. (2021, eq. 9 and its perturbation kernel):
 * alpha = 1, sigma(t)^2 = smin^2 ((smax/smin)^(2t) - 1) on t in [0, 1], so sigma(0) = 0 exactly and
 * g(t)^2 = 2 smin^2 ln(smax/smin) (smax/smin)^(2t). Models are evaluated down to t = eps.
 */
public final class VeSchedule implements NoiseSchedule {
    private final double smin;
    private final double smax;
    private final double eps;

    public VeSchedule(double smin, double smax, double eps) {
        Require.positive("smin", smin);
        Require.positive("smax", smax);
        Require.less("smin", smin, "smax", smax);
        Require.inRange("eps", eps, Double.MIN_VALUE, 0.5);
        this.smin = smin;
        this.smax = smax;
        this.eps = eps;
    }

    private double logRatio() {
        return Math.log(smax / smin);
    }

    private void check(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("t = " + t + " is not allowed: must lie in [0, 1]");
        }
    }

    // alike VpSchedule and EdmSchedule in shape only: each overrides the NoiseSchedule methods with its own SDE (here alpha = 1 and a
    // geometric sigma)
    @Override
    public String name() {
        return "ve";
    }

    @Override
    public String spec() {
        return "ve:smin=" + smin + ",smax=" + smax + ",eps=" + eps;
    }

    @Override
    public double tMax() {
        return 1;
    }

    @Override
    public double tMin() {
        return eps;
    }

    @Override
    public double alpha(double t) {
        check(t);
        return 1;
    }

    @Override
    public double sigma(double t) {
        check(t);
        return smin * Math.sqrt(Math.expm1(2 * t * logRatio()));
    }

    @Override
    public double drift(double t) {
        return 0;
    }

    @Override
    public double diffusionSquared(double t) {
        check(t);
        return 2 * smin * smin * logRatio() * Math.exp(2 * t * logRatio());
    }

    @Override
    public String toString() {
        return spec();
    }
}
