package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.time.Duration;
import org.difflab.dsl.sampler.SampleSet;

/**
 * The result of a Langevin run: the final positions [n, d] of n chains and how they were made (integrator, potential,
 * step size, friction, steps, gradient evaluations per chain actually spent, batched drift calls, wall time, seed; what it
 * shares with a diffusion run's result is in {@link SampleSet}). Owns the native memory of its tensor: close it, or use
 * try-with-resources.
 */
public final class LangevinSamples extends SampleSet {
    private final String potential;
    private final double stepSize;
    private final double friction;
    private final double gradientsPerChain;
    private final long calls;

    LangevinSamples(NDManager manager, NDArray tensor, String integrator, String potential, double stepSize, double friction, int steps,
            double gradientsPerChain, long calls, Duration wallTime, long seed) {
        super(manager, tensor, integrator, steps, wallTime, seed);
        this.potential = potential;
        this.stepSize = stepSize;
        this.friction = friction;
        this.gradientsPerChain = gradientsPerChain;
        this.calls = calls;
    }

    /** Potential spec. */
    public String potential() {
        return potential;
    }

    public double stepSize() {
        return stepSize;
    }

    public double friction() {
        return friction;
    }

    /** Gradient evaluations spent per chain over the whole run (random for the Poisson midpoint method). */
    public double gradientsPerChain() {
        return gradientsPerChain;
    }

    /** Batched drift calls summed over batches (the cost when the drift is a network). */
    public long calls() {
        return calls;
    }

    @Override
    public String toString() {
        return String.format("LangevinSamples[n=%d, dim=%d, integrator=%s, potential=%s, h=%g, friction=%g, steps=%d, gradients/chain=%.2f,"
                + " seed=%d, wall=%.3f s]", size(), dim(), integrator(), potential, stepSize, friction, steps(), gradientsPerChain, seed(),
                wallTime().toNanos() / 1e9);
    }
}
