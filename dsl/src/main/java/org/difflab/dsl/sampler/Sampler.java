package org.difflab.dsl.sampler;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import java.util.TreeMap;
import org.difflab.dsl.Require;
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
        DiffusionProblem problem = new DiffusionProblem(schedule, model);
        long[] nfe = {-1};
        Map<String, Long> counters = new TreeMap<>();
        Drawn d = draw(n, (batch, stream, observers) -> {
            NDArray x = stream.normal(batch, model.eventShape(), dataType()).mul(schedule.priorStd());
            Solve.Solution sol = Solve.run(integrator, problem, timeGrid, stream, observers, x);
            nfe[0] = sol.nfe();
            sol.counters().forEach((k, v) -> counters.merge(k, v, Long::sum));
            return sol.x();
        });
        return new Samples(d.manager(), d.tensor(), integrator.spec(), schedule.spec(), model.describe(), timeGrid.steps(), nfe[0],
                d.wallTime(), d.seed(), counters);
    }
}
