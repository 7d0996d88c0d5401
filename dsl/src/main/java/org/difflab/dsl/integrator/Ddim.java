package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.Optional;
import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * DDIM (Song, Meng and Ermon 2021, eq. 12): x_p = alpha_p x0 + sqrt(sigma_p^2 - s^2) eps + s z with
 * s = eta sqrt(beta-tilde), the DDPM posterior standard deviation scaled by eta. eta = 0 is the deterministic
 * sampler (Euler on the probability-flow ODE in the variables x/alpha, sigma/alpha); eta = 1 is DDPM with the
 * small variance.
 */
public final class Ddim implements Integrator {
    private final double eta;

    public Ddim(double eta) {
        this.eta = Require.inRange("eta", eta, 0, 1);
    }

    public double eta() {
        return eta;
    }

    @Override
    public String name() {
        return "ddim";
    }

    @Override
    public String spec() {
        return "ddim:eta=" + eta;
    }

    @Override
    public int nfePerStep() {
        return 1;
    }

    @Override
    public boolean stochastic() {
        return eta > 0;
    }

    @Override
    public double expectedOrder() {
        return 1;
    }

    @Override
    public Optional<Integrator> withoutNoise() {
        return eta > 0 ? Optional.of(new Ddim(0)) : Optional.empty();
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        for (int i = 0; i < ctx.steps(); i++) {
            NoiseLevel now = ctx.level(i);
            NoiseLevel next = ctx.level(i + 1);
            double r = now.alpha() / next.alpha();
            double s2 = now.sigma() * now.sigma();
            double sp2 = next.sigma() * next.sigma();
            double noiseVar = eta * eta * (s2 - r * r * sp2) * sp2 / s2;
            var p = ctx.predict(x, i);
            NDArray mean = p.x0().mul(next.alpha()).add(p.eps().mul(Math.sqrt(Math.max(0, sp2 - noiseVar))));
            x = ctx.endStep(i, noiseVar > 0 ? mean.add(ctx.normal(x, i).mul(Math.sqrt(noiseVar))) : mean);
        }
        return x;
    }
}
