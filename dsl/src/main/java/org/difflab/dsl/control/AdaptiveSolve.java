package org.difflab.dsl.control;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.observe.StepObserver;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

/**
 * Runs the probability-flow ODE with adaptive step sizes: an {@link EmbeddedPair} estimates each step's local error,
 * a {@link StepController} accepts or rejects the step and sizes the next, from the grid's first noise level to its
 * last positive one, then (when the grid ends at t = 0) the final step to clean data, the x0 prediction there (the
 * Euler and DPM-Solver-1 step to sigma = 0 of Heun and DPM-Solver alike). The grid gives only these end points and the
 * first step proposed (its first step, in the pair's variable).
 *
 * <p>Every sample takes its own steps: the error norm is per row ({@link ScaledError}), each row keeps its own position,
 * step size and controller history, and the rows still running are evaluated in one batched model call with a noise
 * level per row ({@link org.difflab.dsl.model.ScoreModel#predict(NDArray, NoiseLevel[])}). A sample's steps, and so its
 * bits, do not depend on the batch it runs in. Cost: rows that finish early leave the batch, so the batched calls
 * shrink; a round costs as many calls as the pair's evaluations per attempt plus one for the rows that moved.
 */
public final class AdaptiveSolve {
    private AdaptiveSolve() {}

    /**
     * Runs from {@code initial} (owned by the run from here on) at the grid's first point; the result belongs to the
     * initial batch's manager.
     *
     * @param firstSample the global index of the batch's first sample (for error messages and observers)
     */
    public static AdaptiveResult run(EmbeddedPair pair, StepController controller, DiffusionProblem problem, TimeGrid grid,
            List<StepObserver> observers, long firstSample, NDArray initial) {
        try (Scalars.Session numbers = Scalars.open();
                AdaptiveRows rows = new AdaptiveRows(pair, controller, problem, grid, observers, firstSample, initial)) {
            while (rows.round()) {
                // each round moves every running row by one attempt
            }
            return rows.result();
        }
    }
}
