package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;

/**
 * The step skeleton of the samplers on the reverse chain of Li, Wei, Chen and Chi (2023) and its successors
 * ({@link LiOde}, {@link LiDdpm}, {@link AcceleratedDdpm}, {@link MomentumStochastic}, {@link LiCaiStochastic}): the
 * loop over the grid, the per-step alpha_t of {@link LiStep#alpha}, one score evaluation per step, and the previous
 * step's evaluation carried into the next for the momentum-type corrections. A subclass states only its update rule
 * ({@link #step}), so that it reads like the paper's equation.
 */
public abstract class LiChain extends StatedIntegrator {

    LiChain(IntegratorInfo info) {
        super(info);
    }

    /**
     * Step i of the rule: the batch at grid point i + 1 from the batch {@code x} at grid point i, with the step's
     * quantities, its noise and its (single) score evaluation from {@code s}.
     */
    protected abstract NDArray step(LiStep s, NDArray x);

    /**
     * Whether {@link #step} reads {@link LiStep#previousScore()}: the step's evaluation is then kept across the step's end
     * (and handed to the noise stream's step-end hook with the batch).
     */
    protected boolean readsPreviousScore() {
        return false;
    }

    @Override
    public final NDArray run(RunContext ctx, NDArray x) {
        double sqrtD = Math.sqrt(x.getShape().size() / x.getShape().get(0));
        NDArray previousScore = null;
        for (int i = 0; i < ctx.steps(); i++) {
            LiStep s = new LiStep(ctx, i, x, previousScore, sqrtD);
            NDArray next = step(s, x);
            if (readsPreviousScore()) {
                previousScore = s.evaluation();
                x = ctx.endStep(i, next, previousScore);
            } else {
                x = ctx.endStep(i, next);
            }
        }
        return x;
    }
}
