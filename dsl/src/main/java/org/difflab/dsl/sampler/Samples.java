package org.difflab.dsl.sampler;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.time.Duration;
import java.util.Map;

/**
 * The result of a diffusion sampling run: the batch [n, event...] and how it was made (integrator, steps, model
 * evaluations actually spent per trajectory, wall time, seed; {@link SampleSet} holds what a Langevin run's result
 * shares). Owns the native memory of its tensor: close it, or use try-with-resources.
 */
public final class Samples extends SampleSet {
    private final String schedule;
    private final String model;
    private final long nfe;
    private final Map<String, Long> counters;

    Samples(NDManager manager, NDArray tensor, String integrator, String schedule, String model, int steps, long nfe,
            Duration wallTime, long seed, Map<String, Long> counters) {
        super(manager, tensor, integrator, steps, wallTime, seed);
        this.schedule = schedule;
        this.model = model;
        this.nfe = nfe;
        this.counters = Map.copyOf(counters);
    }

    /** The integrator's run statistics summed over batches (e.g. {@code clipped} for momentumStochastic). */
    public Map<String, Long> counters() {
        return counters;
    }

    /** Schedule spec. */
    public String schedule() {
        return schedule;
    }

    /** Model description. */
    public String model() {
        return model;
    }

    /** Model evaluations spent per trajectory. */
    public long nfe() {
        return nfe;
    }

    @Override
    public String toString() {
        return String.format("Samples[n=%d, dim=%d, integrator=%s, steps=%d, nfe=%d, schedule=%s, seed=%d, wall=%.3f s]", size(), dim(),
                integrator(), steps(), nfe, schedule, seed(), wallTime().toNanos() / 1e9);
    }
}
