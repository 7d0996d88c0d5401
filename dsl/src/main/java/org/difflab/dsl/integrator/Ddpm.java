package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.model.Prediction;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

/**
 * DDPM ancestral sampling (Ho et al. 2020, Algorithm 2), written for any pair of grid points so it also runs on
 * respaced grids: with r = alpha_t/alpha_p and transition variance beta = sigma_t^2 - r^2 sigma_p^2, the posterior
 * q(x_p | x_t, x0) has mean (r sigma_p^2/sigma_t^2) x_t + (alpha_p beta/sigma_t^2) x0 and variance
 * beta sigma_p^2/sigma_t^2 ("small", beta-tilde); the "large" choice uses beta itself (Ho et al., section 3.2).
 * As in Algorithm 2, the step to clean data (sigma_p = 0) adds no noise.
 */
public final class Ddpm extends StatedIntegrator implements SteppedIntegrator {

    /** Which reverse variance to use. */
    public enum Variance {
        LARGE, SMALL
    }

    private final Variance variance;

    public Ddpm(Variance variance) {
        super(IntegratorInfo.stochastic("ddpm", 1, 1));
        this.variance = variance;
    }

    @Override
    public String spec() {
        return "ddpm:variance=" + variance.name().toLowerCase();
    }

    @Override
    public NDArray stepWithoutNoise(TimeGrid grid, int i, NDArray x, Prediction now, NDArray previousX0) {
        NoiseLevel t = grid.level(i);
        NoiseLevel p = grid.level(i + 1);
        double r = t.alpha() / p.alpha();
        double s2 = t.sigma() * t.sigma();
        double sp2 = p.sigma() * p.sigma();
        return Scalars.mul(x, r * sp2 / s2).addi(Scalars.mul(now.x0(), p.alpha() * transitionVariance(t, p) / s2));
    }

    @Override
    public double noiseScale(TimeGrid grid, int i) {
        NoiseLevel t = grid.level(i);
        NoiseLevel p = grid.level(i + 1);
        double beta = transitionVariance(t, p);
        double sp2 = p.sigma() * p.sigma();
        double var = sp2 == 0 ? 0 : variance == Variance.SMALL ? beta * sp2 / (t.sigma() * t.sigma()) : beta;
        return Math.sqrt(var);
    }

    /** beta = sigma_t^2 - r^2 sigma_p^2 with r = alpha_t / alpha_p: the variance of the forward transition from p to t. */
    private static double transitionVariance(NoiseLevel t, NoiseLevel p) {
        double r = t.alpha() / p.alpha();
        return t.sigma() * t.sigma() - r * r * (p.sigma() * p.sigma());
    }
}
