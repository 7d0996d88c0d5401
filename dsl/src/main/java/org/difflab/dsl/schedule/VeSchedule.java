package org.difflab.dsl.schedule;

/**
 * Continuous variance-exploding SDE of Song et al. (2021, eq. 9 and its perturbation kernel):
 * alpha = 1, sigma(t)^2 = smin^2 ((smax/smin)^(2t) - 1) on t in [0, 1], so sigma(0) = 0 exactly and
 * g(t)^2 = 2 smin^2 ln(smax/smin) (smax/smin)^(2t). Models are evaluated down to t = eps.
 */
public final class VeSchedule extends ExplodingSchedule {
    public VeSchedule(double smin, double smax, double eps) {
        super("ve", "smin", smin, "smax", smax, eps);
    }

    private double logRatio() {
        return Math.log(high() / low());
    }

    // alike EdmSchedule in shape only: VE's sigma is geometric on [0, 1], EDM's is t
    @Override
    public double sigma(double t) {
        checkTime(t);
        return low() * Math.sqrt(Math.expm1(2 * t * logRatio()));
    }

    @Override
    public double diffusionSquared(double t) {
        checkTime(t);
        return 2 * low() * low() * logRatio() * Math.exp(2 * t * logRatio());
    }
}
