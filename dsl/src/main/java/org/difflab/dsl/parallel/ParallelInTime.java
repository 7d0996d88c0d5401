package org.difflab.dsl.parallel;

import java.util.Optional;
import org.difflab.dsl.integrator.IntegratorInfo;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.integrator.StatedIntegrator;

/**
 * A parallel-in-time sampler ({@link Paradigms}, {@link PicardBlocks}): it evaluates many grid points per batched call
 * and iterates to a fixed point, so its evaluations beyond one per step depend on how fast the iterates settle. They
 * are counted in {@link #EXTRA}, the counter it reports as its random cost.
 */
public abstract class ParallelInTime extends StatedIntegrator {
    /** Counter of batched evaluations beyond one per step. */
    public static final String EXTRA = "extraCalls";

    protected ParallelInTime(IntegratorInfo info) {
        super(info);
    }

    @Override
    public final Optional<String> randomNfeCounter() {
        return Optional.of(EXTRA);
    }

    /** Counts in {@link #EXTRA} the evaluations the run spent so far beyond one per step of its {@code steps}. */
    protected static void countExtra(RunContext ctx, int steps) {
        ctx.count(EXTRA, ctx.nfe() - steps);
    }
}
