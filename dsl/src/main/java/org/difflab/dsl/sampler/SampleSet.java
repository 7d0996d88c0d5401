package org.difflab.dsl.sampler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.time.Duration;

/**
 * The result of a run of either kind, diffusion ({@link Samples}) or Langevin: the final states [n, event...] and what
 * every run states about itself (integrator, steps, wall time, seed); each kind adds its own problem's description. Owns
 * the native memory of its tensor: close it, or use try-with-resources.
 */
public abstract class SampleSet implements AutoCloseable {
    private final NDManager manager;
    private final NDArray tensor;
    private final String integrator;
    private final int steps;
    private final Duration wallTime;
    private final long seed;

    protected SampleSet(NDManager manager, NDArray tensor, String integrator, int steps, Duration wallTime, long seed) {
        this.manager = manager;
        this.tensor = tensor;
        this.integrator = integrator;
        this.steps = steps;
        this.wallTime = wallTime;
        this.seed = seed;
    }

    /** The samples as a tensor [n, event...]. */
    public NDArray tensor() {
        return tensor;
    }

    /** Number of samples. */
    public int size() {
        return Math.toIntExact(tensor.getShape().get(0));
    }

    /** Elements per sample. */
    public int dim() {
        return Math.toIntExact(tensor.getShape().size() / tensor.getShape().get(0));
    }

    /** Integrator spec. */
    public String integrator() {
        return integrator;
    }

    public int steps() {
        return steps;
    }

    public Duration wallTime() {
        return wallTime;
    }

    public long seed() {
        return seed;
    }

    /** The samples as rows of doubles. */
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
}
