package org.difflab.dsl.sampler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.time.Duration;
import java.util.Map;

/**
 * The result of a sampling run: the batch [n, event...] and how it was made (integrator, steps, model
 * evaluations actually spent per trajectory, wall time, seed). Owns the native memory of its tensor:
 * close it, or use try-with-resources.
 */
public final class Samples implements AutoCloseable {
    private final NDManager manager;
    private final NDArray tensor;
    private final String integrator;
    private final String schedule;
    private final String model;
    private final int steps;
    private final long nfe;
    private final Duration wallTime;
    private final long seed;
    private final Map<String, Long> counters;

    Samples(NDManager manager, NDArray tensor, String integrator, String schedule, String model, int steps, long nfe,
            Duration wallTime, long seed, Map<String, Long> counters) {
        this.manager = manager;
        this.tensor = tensor;
        this.integrator = integrator;
        this.schedule = schedule;
        this.model = model;
        this.steps = steps;
        this.nfe = nfe;
        this.wallTime = wallTime;
        this.seed = seed;
        this.counters = Map.copyOf(counters);
    }

    /** The integrator's run statistics summed over batches (e.g. {@code clipped} for momentumStochastic). */
    public Map<String, Long> counters() {
        return counters;
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

    /** Schedule spec. */
    public String schedule() {
        return schedule;
    }

    /** Model description. */
    public String model() {
        return model;
    }

    public int steps() {
        return steps;
    }

    /** Model evaluations spent per trajectory. */
    public long nfe() {
        return nfe;
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

    @Override
    public String toString() {
        return String.format("Samples[n=%d, dim=%d, integrator=%s, steps=%d, nfe=%d, schedule=%s, seed=%d, wall=%.3f s]", size(), dim(),
                integrator, steps, nfe, schedule, seed, wallTime.toNanos() / 1e9);
    }
}
