package org.difflab.dsl.schedule;

/**
 * Continuous variance-preserving SDE of Song et al. (2021, eq. 11): dx = -beta(t)/2 x dt + sqrt(beta(t)) dW,
 * beta(t) = bmin + t (bmax - bmin) on t in [0, 1], so ln alpha(t) = -(bmin t + (bmax - bmin) t^2 / 2) / 2.
 * Models are evaluated down to t = eps.
 */
public final class VpSchedule extends ContinuousSchedule {
    public VpSchedule(double bmin, double bmax, double eps) {
        super("vp", "bmin", bmin, "bmax", bmax, eps);
    }

    private double logAlpha(double t) {
        checkTime(t);
        return -0.5 * (low() * t + 0.5 * (high() - low()) * t * t);
    }

    /** beta(t). */
    public double beta(double t) {
        return low() + t * (high() - low());
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
}
