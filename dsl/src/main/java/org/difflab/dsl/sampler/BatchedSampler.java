package org.difflab.dsl.sampler;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.difflab.dsl.Require;
import org.difflab.dsl.noise.NoiseSource;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.observe.NonFiniteCheck;
import org.difflab.dsl.observe.StepObserver;
import org.difflab.dsl.problem.Problem;

/**
 * The one sampler builder: the run's settings (seed or noise source, batch size, dtype, device, observers, the NaN check),
 * the batching, in which samples first..first+size-1 are drawn from the noise source opened at {@code first}, so that
 * with the default per-sample noise sample i is the same bits at any batch size, and the one result type
 * {@link Samples}. Its two front doors, the diffusion {@link Sampler} and the Langevin sampler, only state their problem,
 * the initial batch and how the batches' counts add up; every batch runs through {@code Solve.run}.
 *
 * @param <S> the builder itself, so that the shared setters chain with the kind's own
 */
public abstract class BatchedSampler<S extends BatchedSampler<S>> {
    private long seed;
    private NoiseSource noise;
    private int batchSize = 4096;
    private DataType dataType = DataType.FLOAT32;
    private Device device;
    private boolean checkFinite = true;
    private final List<StepObserver> observers = new ArrayList<>();

    /** One batch of a run: its final states, from its noise stream, created under {@code batch}. */
    @FunctionalInterface
    protected interface Batch {
        NDArray run(NDManager batch, NoiseStream stream, List<StepObserver> observers);
    }

    /** The batches' states joined in sample order, under {@code manager}, with the run's wall time and noise seed. */
    protected record Drawn(NDManager manager, NDArray tensor, Duration wallTime, long seed) {
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }

    /** The seed of the default per-sample noise. */
    public S seed(long seed) {
        this.seed = seed;
        return self();
    }

    /** Another noise source (engine stream, Brownian path over the run's time span); it carries its own seed. */
    public S noise(NoiseSource noise) {
        this.noise = Require.notNull("noise", noise);
        return self();
    }

    public S batchSize(int batchSize) {
        this.batchSize = Require.positive("batchSize", batchSize);
        return self();
    }

    /** float32 (default) or float64. */
    public S dataType(DataType dataType) {
        if (dataType != DataType.FLOAT32 && dataType != DataType.FLOAT64) {
            throw new IllegalArgumentException("dataType = " + dataType + " is not allowed: must be float32 or float64");
        }
        this.dataType = dataType;
        return self();
    }

    public S device(Device device) {
        this.device = Require.notNull("device", device);
        return self();
    }

    public S observer(StepObserver observer) {
        observers.add(Require.notNull("observer", observer));
        return self();
    }

    /** Turns the per-step NaN/Inf check off (it is on by default). */
    public S checkFinite(boolean on) {
        this.checkFinite = on;
        return self();
    }

    /** The result of a run: the drawn states and what the run states about itself. */
    protected Samples samples(Drawn drawn, String integrator, Problem problem, int steps, long nfe, Map<String, Long> counters) {
        return new Samples(drawn.manager(), drawn.tensor(), integrator, problem, steps, nfe, drawn.wallTime(), drawn.seed(), counters);
    }

    /** The dtype of the run's states. */
    protected DataType dataType() {
        return dataType;
    }

    /**
     * Runs n samples in batches of at most the batch size, each from the noise source opened at its first sample, and joins
     * their states; on failure every tensor of the run is freed.
     */
    protected Drawn draw(int n, Batch body) {
        NoiseSource source = noise != null ? noise : NoiseSources.perSample(seed);
        List<StepObserver> all = new ArrayList<>(observers);
        if (checkFinite) {
            all.add(0, new NonFiniteCheck());
        }
        NDManager manager = device == null ? NDManager.newBaseManager() : NDManager.newBaseManager(device);
        long start = System.nanoTime();
        try {
            NDList parts = new NDList();
            for (int first = 0; first < n; first += batchSize) {
                int size = Math.min(batchSize, n - first);
                try (NDManager batch = manager.newSubManager()) {
                    NDArray part = body.run(batch, source.open(first, size), all);
                    part.attach(manager);
                    parts.add(part);
                }
            }
            NDArray out = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
            if (parts.size() > 1) {
                parts.close();
            }
            return new Drawn(manager, out, Duration.ofNanos(System.nanoTime() - start), source.seed());
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }
}
