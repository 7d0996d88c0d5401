package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;

/**
 * A sampler that carries nothing from one step to the next: it states its step i (grid point i to i + 1) and this
 * interface runs the grid, ending each step with {@link RunContext#endStep}.
 */
interface SingleStep extends Integrator {

    /** The batch at grid point i + 1 from the batch {@code x} at grid point i. */
    NDArray step(RunContext ctx, int i, NDArray x);

    @Override
    default NDArray run(RunContext ctx, NDArray x) {
        for (int i = 0; i < ctx.steps(); i++) {
            x = ctx.endStep(i, step(ctx, i, x));
        }
        return x;
    }
}
