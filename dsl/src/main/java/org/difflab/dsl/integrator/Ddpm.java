package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * DDPM ancestral sampling (Ho et al. 2020, Algorithm 2), written for any pair of grid points so it also runs on
 * respaced grids: with r = alpha_t/alpha_p and transition variance beta = sigma_t^2 - r^2 sigma_p^2, the posterior
 * q(x_p | x_t, x0) has mean (r sigma_p^2/sigma_t^2) x_t + (alpha_p beta/sigma_t^2) x0 and variance
 * beta sigma_p^2/sigma_t^2 ("small", beta-tilde); the "large" choice uses beta itself (Ho et al., section 3.2).
 * As in Algorithm 2, the step to clean data (sigma_p = 0) adds no noise.
 */
public final class Ddpm implements Integrator {

    /** Which reverse variance to use. */
    public enum Variance {
        LARGE, SMALL
    }

    private final Variance variance;

    public Ddpm(Variance variance) {
        this.variance = variance;
    }

    @Override
    public String name() {
        return "ddpm";
    }

    @Override
    public String spec() {
        return "ddpm:variance=" + variance.name().toLowerCase();
    }

    @Override
    public int nfePerStep() {
        return 1;
    }

    @Override
    public boolean stochastic() {
        return true;
    }

    @Override
    public double expectedOrder() {
        return 1;
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        for (int i = 0; i < ctx.steps(); i++) {
            NoiseLevel now = ctx.level(i);
            NoiseLevel next = ctx.level(i + 1);
            double r = now.alpha() / next.alpha();
            double s2 = now.sigma() * now.sigma();
            double sp2 = next.sigma() * next.sigma();
            double beta = s2 - r * r * sp2;
            NDArray x0 = ctx.predict(x, i).x0();
            NDArray mean = x.mul(r * sp2 / s2).add(x0.mul(next.alpha() * beta / s2));
            double var = sp2 == 0 ? 0 : variance == Variance.SMALL ? beta * sp2 / s2 : beta;
            x = ctx.endStep(i, var > 0 ? mean.add(ctx.normal(x, i).mul(Math.sqrt(var))) : mean);
        }
        return x;
    }
}
