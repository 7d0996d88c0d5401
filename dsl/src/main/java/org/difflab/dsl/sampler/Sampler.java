package org.difflab.dsl.sampler;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
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
public final class Sampler extends BatchedSampler<Sampler> {
    private NoiseSchedule schedule = Schedules.ddpm();
    private ScoreModel model;
    private Integrator integrator = Integrators.ddim();
    private GridSpec grid = Grids.uniform(50);
    private StepController controller;
    private EmbeddedPair pair;

    // alike LangevinSampler's and StrongError's setters in form only: each sets its own builder's knobs; the shared ones are BatchedSampler's
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
        long[] nfe = {-1};
        int[] steps = {adaptive == null ? timeGrid.steps() : 0}; // adaptive: the most accepted steps of a sample
        Map<String, Long> counters = new TreeMap<>();
        Drawn d = draw(n, (batch, stream, observers) -> {
            NDArray x = stream.normal(batch, model.eventShape(), dataType()).mul(schedule.priorStd());
            Solve.Solution sol;
            if (adaptive == null) {
                sol = Solve.run(integrator, problem, timeGrid, stream, observers, x);
            } else {
                AdaptiveResult run = AdaptiveSolve.run(adaptive, controller, problem, timeGrid, observers, stream.first(), x);
                steps[0] = Math.max(steps[0], Arrays.stream(run.accepted()).max().orElse(0));
                sol = run.solution();
            }
            nfe[0] = adaptive == null ? sol.nfe() : Math.max(nfe[0], sol.nfe());
            sol.counters().forEach((k, v) -> counters.merge(k, v, Long::sum));
            return sol.x();
        });
        String spec = adaptive == null ? integrator.spec()
                : "adaptive " + adaptive.name() + " (rtol=" + controller.rtol() + ",atol=" + controller.atol() + ")";
        return samples(d, spec, problem, steps[0], nfe[0], counters);
    }
}
