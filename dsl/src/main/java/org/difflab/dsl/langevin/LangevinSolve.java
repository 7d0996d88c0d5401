package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.difflab.dsl.Require;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.observe.StepObserver;

/**
 * The one entry that runs a Langevin integrator on a problem for a number of steps from an initial state batch; the
 * sampler builder, the conformance suite and the stationary-variance checks all go through it.
 */
public final class LangevinSolve {
    private LangevinSolve() {}

    /** The final state batch, batched drift calls and drift evaluations summed over chains. */
    public record Solution(NDArray x, long calls, long evaluations) {
    }

    /**
     * Runs {@code integrator} from {@code initial} ([B, d] or, underdamped, [B, 2d]; owned by the run from here on) and
     * returns the final state, which belongs to the initial batch's manager. Native memory of intermediate steps is
     * freed as it goes, also when an observer or the drift throws.
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
        try (LangevinContext ctx = new LangevinContext(integrator.spec(), problem, steps, noise, observers)) {
            ctx.adoptInitial(initial);
            NDArray out = integrator.run(ctx, initial);
            return new Solution(ctx.finish(out), ctx.calls(), ctx.evaluations());
        }
    }
}
