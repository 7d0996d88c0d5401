package org.difflab.dsl;

import org.difflab.dsl.langevin.LangevinSampler;

/**
 * Entry point of Langevin sampling beside diffusion sampling:
 * {@code Langevin.sampler().target(...).integrator(...).stepSize(h).steps(n).seed(s).sample(chains)}.
 */
public final class Langevin {
    private Langevin() {}

    /** A new Langevin sampler builder with defaults: LMC, h = 0.01, friction 2, 1000 steps, seed 0, float32. */
    public static LangevinSampler sampler() {
        return new LangevinSampler();
    }
}
