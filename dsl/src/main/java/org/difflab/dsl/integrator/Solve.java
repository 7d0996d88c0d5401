package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.difflab.dsl.Require;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.langevin.LangevinIntegrator;
import org.difflab.dsl.langevin.LangevinProblem;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.observe.StepObserver;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.tensor.Scalars;

/**
 * The one entry that runs an integrator on a problem from an initial batch (the counterpart of diffrax's
 * {@code diffeqsolve}): a diffusion problem along a time grid, or a Langevin problem for a number of steps of its size h.
 * Both build one {@link RunContext} and share one body; the sampler builders, the conformance suites and the theory
 * checks all go through it.
 */
public final class Solve {
    private Solve() {}

    /**
     * The final batch, the evaluations the run spent (model calls; batched drift calls of a Langevin run) and the
     * integrator's run statistics (a Langevin run's drift evaluations summed over chains among them,
     * {@link RunContext#DRIFT_EVALUATIONS}).
     */
    public record Solution(NDArray x, long nfe, Map<String, Long> counters) {

        /** A run statistic, 0 when the run did not count it. */
        public long counter(String name) {
            return counters.getOrDefault(name, 0L);
        }
    }

    /**
     * Runs {@code integrator} from {@code initial} (owned by the run from here on) and returns the final batch,
     * which belongs to the initial batch's manager. Native memory of intermediate steps is freed as it goes,
     * also when an observer or the model throws. A {@link Mutant} runs its wrapped integrator on the problem and noise
     * with its defect.
     */
    public static Solution run(Integrator integrator, DiffusionProblem problem, TimeGrid grid, NoiseStream noise,
            List<StepObserver> observers, NDArray initial) {
        if (integrator instanceof LangevinIntegrator) {
            throw new IllegalArgumentException("integrator = " + integrator.spec() + " is not allowed on a diffusion problem: it is a Langevin "
                    + "integrator (run it on a LangevinProblem)");
        }
        Mutant mutant = integrator instanceof Mutant m ? m : null;
        DiffusionProblem solved = mutant == null ? problem : mutant.mutate(problem);
        NoiseStream stream = mutant == null ? noise : mutant.mutate(noise);
        return solve(integrator, () -> new RunContext(integrator.name(), solved, grid, stream, observers), initial);
    }

    /**
     * Runs a Langevin {@code integrator} for {@code steps} steps from {@code initial} ([B, d] or, underdamped, [B, 2d];
     * owned by the run from here on) and returns the final state, which belongs to the initial batch's manager. Native
     * memory of intermediate steps is freed as it goes, also when an observer or the drift throws.
     */
    public static Solution run(LangevinIntegrator integrator, LangevinProblem problem, int steps, NoiseStream noise,
            List<StepObserver> observers, NDArray initial) {
        Require.notNull("integrator", integrator);
        Require.notNull("problem", problem);
        Require.positive("steps", steps);
        long columns = (long) problem.potential().dim() * integrator.dynamics().stateFactor();
        if (initial.getShape().dimension() != 2 || initial.getShape().get(1) != columns) {
            throw new IllegalArgumentException("initial has shape " + initial.getShape() + ", which is not allowed: " + integrator.spec()
                    + " (" + integrator.dynamics().label() + ") on a " + problem.potential().dim() + "-dimensional potential needs [B, "
                    + columns + "]");
        }
        return solve(integrator, () -> new RunContext(integrator.spec(), problem, steps, noise, observers), initial);
    }

    private static Solution solve(Integrator integrator, Supplier<RunContext> context, NDArray initial) {
        try (Scalars.Session numbers = Scalars.open(); RunContext ctx = context.get()) {
            ctx.adoptInitial(initial);
            NDArray out = integrator.run(ctx, initial);
            return new Solution(ctx.finish(out), ctx.nfe(), ctx.counters());
        }
    }
}
