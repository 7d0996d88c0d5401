package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.observe.StepObserver;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.tensor.Scalars;

/**
 * The one entry that runs an integrator on a problem over a grid from an initial batch (the counterpart of
 * diffrax's {@code diffeqsolve}); the sampler builder and the theory checks both go through it.
 */
public final class Solve {
    private Solve() {}

    /** The final batch, the model evaluations the run spent and the integrator's run statistics. */
    public record Solution(NDArray x, long nfe, Map<String, Long> counters) {
    }

    /**
     * Runs {@code integrator} from {@code initial} (owned by the run from here on) and returns the final batch,
     * which belongs to the initial batch's manager. Native memory of intermediate steps is freed as it goes,
     * also when an observer or the model throws. A {@link Mutant} runs its wrapped integrator on the problem and noise
     * with its defect.
     */
    public static Solution run(Integrator integrator, DiffusionProblem problem, TimeGrid grid, NoiseStream noise,
            List<StepObserver> observers, NDArray initial) {
        if (integrator instanceof Mutant m) {
            problem = m.mutate(problem);
            noise = m.mutate(noise);
        }
        try (Scalars.Session numbers = Scalars.open(); RunContext ctx = new RunContext(integrator.name(), problem, grid, noise, observers)) {
            ctx.adoptInitial(initial);
            NDArray out = integrator.run(ctx, initial);
            return new Solution(ctx.finish(out), ctx.nfe(), ctx.counters());
        }
    }
}
