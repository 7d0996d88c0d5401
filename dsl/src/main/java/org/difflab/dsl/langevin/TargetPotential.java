package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.target.Target;

/**
 * A diffusion {@link Target} (Gaussian, Gaussian mixture) as a Langevin potential: its exact score at the clean
 * level (alpha = 1, sigma = 0) is grad log pi, so the targets of the rate checks serve Langevin sampling unchanged.
 */
public final class TargetPotential implements Potential {
    private static final NoiseLevel CLEAN = new NoiseLevel(0, 1, 0);
    private final Target target;

    public TargetPotential(Target target) {
        this.target = Require.notNull("target", target);
    }

    // alike ForwardingNoiseStream's and MeteredModel's delegation in form only: a Potential over a Target, not a wrapper of the same interface
    @Override
    public int dim() {
        return target.dim();
    }

    @Override
    public String spec() {
        return target.spec();
    }

    @Override
    public NDArray gradLogDensity(NDArray x) {
        return target.score(x, CLEAN);
    }

    @Override
    public String toString() {
        return spec();
    }
}
