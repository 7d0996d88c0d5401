package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.Require;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.model.Prediction;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

/**
 * DDIM (Song, Meng and Ermon 2021, eq. 12): x_p = alpha_p x0 + sqrt(sigma_p^2 - s^2) eps + s z with
 * s = eta sqrt(beta-tilde), the DDPM posterior standard deviation scaled by eta. eta = 0 is the deterministic
 * sampler (Euler on the probability-flow ODE in the variables x/alpha, sigma/alpha); eta = 1 is DDPM with the
 * small variance.
 */
public final class Ddim extends NoiseKnob implements SteppedIntegrator {

    /** @param eta the noise knob in [0, 1] (1: DDPM with the small variance, 0: deterministic) */
    public Ddim(double eta) {
        super("ddim", 1, 1, Require.inRange("eta", eta, 0, 1), Ddim::new);
    }

    public double eta() {
        return eta;
    }

    @Override
    public NDArray stepWithoutNoise(TimeGrid grid, int i, NDArray x, Prediction now, NDArray previousX0) {
        NoiseLevel p = grid.level(i + 1);
        double sp2 = p.sigma() * p.sigma();
        return Scalars.mul(now.x0(), p.alpha()).addi(Scalars.mul(now.eps(), Math.sqrt(Math.max(0, sp2 - noiseVariance(grid, i)))));
    }

    @Override
    public double noiseScale(TimeGrid grid, int i) {
        return Math.sqrt(noiseVariance(grid, i));
    }

    private double noiseVariance(TimeGrid grid, int i) {
        NoiseLevel t = grid.level(i);
        NoiseLevel p = grid.level(i + 1);
        double r = t.alpha() / p.alpha();
        double s2 = t.sigma() * t.sigma();
        double sp2 = p.sigma() * p.sigma();
        return eta * eta * (s2 - r * r * sp2) * sp2 / s2;
    }
}
