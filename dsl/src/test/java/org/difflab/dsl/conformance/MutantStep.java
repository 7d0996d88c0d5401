package org.difflab.dsl.conformance;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.integrator.RunContext;

/**
 * One step of a broken test integrator (a mutant the conformance checks must catch): the state after step i from x.
 * {@link #run} is the loop every real integrator runs, each step's state handed to {@code endStep}, so a mutant states
 * only the step it gets wrong.
 */
@FunctionalInterface
interface MutantStep {
    NDArray next(RunContext ctx, int i, NDArray x);

    /** Every step of the run, as a real integrator takes them. */
    default NDArray run(RunContext ctx, NDArray x) {
        for (int i = 0; i < ctx.steps(); i++) {
            x = ctx.endStep(i, next(ctx, i, x));
        }
        return x;
    }
}
