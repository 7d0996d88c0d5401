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
import java.util.TreeMap;
import org.difflab.dsl.Require;
import org.difflab.dsl.control.AdaptiveResult;
import org.difflab.dsl.control.AdaptiveSolve;
import org.difflab.dsl.control.EmbeddedPair;
import org.difflab.dsl.control.EmbeddedPairs;
import org.difflab.dsl.control.StepController;
import org.difflab.dsl.grid.GridSpec;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.Solve;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.noise.NoiseSource;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.observe.NonFiniteCheck;
import org.difflab.dsl.observe.StepObserver;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Target;

/**
 * Fluent builder of a sampling run: schedule, model, integrator, grid, seed, then {@link #sample(int)}.
 * Samples are drawn in batches; with the default per-sample noise, sample i is the same bits at any batch size.
 *
 * <pre>{@code
 * try (Samples s = Diffusion.sampler()
 *         .schedule(Schedules.ddpm())
 *         .target(Targets.ring(8, 2, 0.01))
 *         .integrator(Integrators.heun())
 *         .grid(Grids.karras(50, 7))
 *         .seed(42)
 *         .sample(10_000)) { ... }
 * }</pre>
 */
public final class Sampler {
    private NoiseSchedule schedule = Schedules.ddpm();
    private ScoreModel model;
    private Integrator integrator = Integrators.ddim();
    private GridSpec grid = Grids.uniform(50);
    private long seed;
    private NoiseSource noise;
    private int batchSize = 4096;
    private DataType dataType = DataType.FLOAT32;
    private Device device;
    private boolean checkFinite = true;
    private StepController controller;
    private EmbeddedPair pair;
    private final List<StepObserver> observers = new ArrayList<>();

    public Sampler schedule(NoiseSchedule schedule) {
        this.schedule = Require.notNull("schedule", schedule);
        return this;
    }

    public Sampler model(ScoreModel model) {
        this.model = Require.notNull("model", model);
        return this;
    }

    /** Uses the exact score of a target as the model. */
    public Sampler target(Target target) {
        return model(Require.notNull("target", target).exactScore());
    }

    public Sampler integrator(Integrator integrator) {
        this.integrator = Require.notNull("integrator", integrator);
        return this;
    }

    public Sampler grid(GridSpec grid) {
        this.grid = Require.notNull("grid", grid);
        return this;
    }

    /** Shorthand for a uniform grid of n steps. */
    public Sampler steps(int steps) {
        return grid(grid.withSteps(steps));
    }

    /** The seed of the default per-sample noise. */
    public Sampler seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Another noise source (engine stream, Brownian path); it carries its own seed. */
    public Sampler noise(NoiseSource noise) {
        this.noise = Require.notNull("noise", noise);
        return this;
    }

    public Sampler batchSize(int batchSize) {
        this.batchSize = Require.positive("batchSize", batchSize);
        return this;
    }

    /** float32 (default) or float64. */
    public Sampler dataType(DataType dataType) {
        if (dataType != DataType.FLOAT32 && dataType != DataType.FLOAT64) {
            throw new IllegalArgumentException("dataType = " + dataType + " is not allowed: must be float32 or float64");
        }
        this.dataType = dataType;
        return this;
    }

    public Sampler device(Device device) {
        this.device = Require.notNull("device", device);
        return this;
    }

    public Sampler observer(StepObserver observer) {
        observers.add(Require.notNull("observer", observer));
        return this;
    }

    /**
     * Adaptive steps: the controller sizes the steps of the integrator's embedded pair ({@link EmbeddedPairs#of}: heun or
     * dpm2), each sample its own; the grid gives only its end points and the first step (docs/samplers.md).
     */
    public Sampler controller(StepController controller) {
        this.controller = Require.notNull("controller", controller);
        this.pair = null;
        return this;
    }

    /** Adaptive steps with a named embedded pair ({@link EmbeddedPairs}); the integrator is then not used. */
    public Sampler controller(StepController controller, EmbeddedPair pair) {
        this.controller = Require.notNull("controller", controller);
        this.pair = Require.notNull("pair", pair);
        return this;
    }

    /** Turns the per-step NaN/Inf check off (it is on by default). */
    public Sampler checkFinite(boolean on) {
        this.checkFinite = on;
        return this;
    }

    /** The time grid this run will use. */
    public TimeGrid timeGrid() {
        return grid.on(schedule);
    }

    /** Draws n samples. */
    public Samples sample(int n) {
        Require.positive("n", n);
        if (model == null) {
            throw new IllegalArgumentException("model is missing: set .model(...) or .target(...) before sampling");
        }
        TimeGrid timeGrid = grid.on(schedule);
        EmbeddedPair adaptive = controller == null ? null : pair != null ? pair : EmbeddedPairs.of(integrator);
        DiffusionProblem problem = new DiffusionProblem(schedule, model);
        NoiseSource source = noise != null ? noise : NoiseSources.perSample(seed);
        List<StepObserver> all = new ArrayList<>(observers);
        if (checkFinite) {
            all.add(0, new NonFiniteCheck());
        }
        NDManager manager = device == null ? NDManager.newBaseManager() : NDManager.newBaseManager(device);
        long start = System.nanoTime();
        try {
            NDList parts = new NDList();
            long nfe = -1;
            int steps = adaptive == null ? timeGrid.steps() : 0; // adaptive: the most accepted steps of a sample
            Map<String, Long> counters = new TreeMap<>();
            for (int first = 0; first < n; first += batchSize) {
                int size = Math.min(batchSize, n - first);
                try (NDManager batch = manager.newSubManager()) {
                    NoiseStream stream = source.open(first, size);
                    NDArray x = stream.normal(batch, model.eventShape(), dataType).mul(schedule.priorStd());
                    Solve.Solution sol;
                    if (adaptive == null) {
                        sol = Solve.run(integrator, problem, timeGrid, stream, all, x);
                    } else {
                        AdaptiveResult run = AdaptiveSolve.run(adaptive, controller, problem, timeGrid, all, stream.first(), x);
                        steps = Math.max(steps, java.util.Arrays.stream(run.accepted()).max().orElse(0));
                        sol = run.solution();
                    }
                    nfe = adaptive == null ? sol.nfe() : Math.max(nfe, sol.nfe());
                    sol.counters().forEach((k, v) -> counters.merge(k, v, Long::sum));
                    sol.x().attach(manager);
                    parts.add(sol.x());
                }
            }
            NDArray out = parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
            if (parts.size() > 1) {
                parts.close();
            }
            String spec = adaptive == null ? integrator.spec()
                    : "adaptive " + adaptive.name() + " (rtol=" + controller.rtol() + ",atol=" + controller.atol() + ")";
            return new Samples(manager, out, spec, schedule.spec(), model.describe(), steps, nfe,
                    Duration.ofNanos(System.nanoTime() - start), source.seed(), counters);
        } catch (RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }
}
