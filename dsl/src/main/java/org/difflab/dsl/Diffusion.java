package org.difflab.dsl;

import org.difflab.dsl.sampler.Sampler;

/** Entry point of the DSL: {@code Diffusion.sampler().schedule(...).target(...).integrator(...).sample(n)}. */
public final class Diffusion {
    private Diffusion() {}

    /** A new sampler builder with defaults: DDPM linear schedule, DDIM, 50 uniform steps, seed 0, float32. */
    public static Sampler sampler() {
        return new Sampler();
    }
}
