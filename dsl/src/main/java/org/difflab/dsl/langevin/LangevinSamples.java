package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.time.Duration;

/**
 * The result of a Langevin run: the final positions [n, d] of n chains and how they were made (integrator, potential,
 * step size, friction, steps, gradient evaluations per chain actually spent, batched drift calls, wall time, seed).
 * Owns the native memory of its tensor: close it, or use try-with-resources.
 */
public final class LangevinSamples implements AutoCloseable {
    private final NDManager manager;
    private final NDArray tensor;
    private final String integrator;
    private final String potential;
    private final double stepSize;
    private final double friction;
    private final int steps;
    private final double gradientsPerChain;
    private final long calls;
    private final Duration wallTime;
    private final long seed;

    LangevinSamples(NDManager manager, NDArray tensor, String integrator, String potential, double stepSize, double friction, int steps,
            double gradientsPerChain, long calls, Duration wallTime, long seed) {
        this.manager = manager;
        this.tensor = tensor;
        this.integrator = integrator;
        this.potential = potential;
        this.stepSize = stepSize;
        this.friction = friction;
        this.steps = steps;
        this.gradientsPerChain = gradientsPerChain;
        this.calls = calls;
        this.wallTime = wallTime;
        this.seed = seed;
    }

    /** The final positions as a tensor [n, d]. */
    public NDArray tensor() {
        return tensor;
    }

    public int size() {
        return Math.toIntExact(tensor.getShape().get(0));
    }

    public int dim() {
        return Math.toIntExact(tensor.getShape().get(1));
    }

    /** Integrator spec. */
    public String integrator() {
        return integrator;
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

    public int steps() {
        return steps;
    }

    /** Gradient evaluations spent per chain over the whole run (random for the Poisson midpoint method). */
    public double gradientsPerChain() {
        return gradientsPerChain;
    }

    /** Batched drift calls summed over batches (the cost when the drift is a network). */
    public long calls() {
        return calls;
    }

    public Duration wallTime() {
        return wallTime;
    }

    public long seed() {
        return seed;
    }

    /** The positions as rows of doubles. */
    public double[][] rows() {
        double[] flat = tensor.toType(DataType.FLOAT64, false).toDoubleArray();
        int n = size();
        int d = dim();
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, out[i], 0, d);
        }
        return out;
    }

    @Override
    public void close() {
        manager.close();
    }

    @Override
    public String toString() {
        return String.format("LangevinSamples[n=%d, dim=%d, integrator=%s, potential=%s, h=%g, friction=%g, steps=%d, gradients/chain=%.2f,"
                + " seed=%d, wall=%.3f s]", size(), dim(), integrator, potential, stepSize, friction, steps, gradientsPerChain, seed,
                wallTime.toNanos() / 1e9);
    }
}
