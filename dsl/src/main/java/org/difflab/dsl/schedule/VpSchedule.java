package org.difflab.dsl.schedule;

import org.difflab.dsl.Require;

/**
 * Continuous variance-preserving SDE of Song et al. (2021, eq. 11): dx = -beta(t)/2 x dt + sqrt(beta(t)) dW,
 * beta(t) = bmin + t (bmax - bmin) on t in [0, 1], so ln alpha(t) = -(bmin t + (bmax - bmin) t^2 / 2) / 2.
 * Models are evaluated down to t = eps.
 */
public final class VpSchedule implements NoiseSchedule {
    private final double bmin;
    private final double bmax;
    private final double eps;

    public VpSchedule(double bmin, double bmax, double eps) {
        Require.positive("bmin", bmin);
        Require.positive("bmax", bmax);
        Require.less("bmin", bmin, "bmax", bmax);
        Require.inRange("eps", eps, Double.MIN_VALUE, 0.5);
        this.bmin = bmin;
        this.bmax = bmax;
        this.eps = eps;
    }

    private double logAlpha(double t) {
        if (!(t >= 0 && t <= 1)) {
            throw new IllegalArgumentException("t = " + t + " is not allowed: must lie in [0, 1]");
        }
        return -0.5 * (bmin * t + 0.5 * (bmax - bmin) * t * t);
    }

    /** beta(t). */
    public double beta(double t) {
        return bmin + t * (bmax - bmin);
    }

    // alike VeSchedule and EdmSchedule in shape only: each overrides the NoiseSchedule methods with its own SDE (here alpha, sigma of
    // the VP SDE from the integral of beta)
    @Override
    public String name() {
        return "vp";
    }

    @Override
    public String spec() {
        return "vp:bmin=" + bmin + ",bmax=" + bmax + ",eps=" + eps;
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
        return Math.exp(logAlpha(t));
    }

    @Override
    public double sigma(double t) {
        return Math.sqrt(-Math.expm1(2 * logAlpha(t)));
    }

    @Override
    public double lambda(double t) {
        double l2 = 2 * logAlpha(t);
        return 0.5 * (l2 - Math.log(-Math.expm1(l2)));
    }

    @Override
    public double drift(double t) {
        return -0.5 * beta(t);
    }

    @Override
    public double diffusionSquared(double t) {
        return beta(t);
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
