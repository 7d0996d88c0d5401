package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;

/**
 * The accelerated DDPM-type sampler of Li et al. (ICML 2024; official README): half of the step's noise before the
 * score evaluation and half after,
 * <pre>
 *   Y^+     = Y_t + sqrt((1 - alpha_t)/2) Z
 *   Y_{t-1} = (Y^+ + (1 - alpha_t) s_t(Y^+)) / sqrt(alpha_t) + sqrt((1 - alpha_t)/2) Z'.
 * </pre>
 * The two draws are tied to the two halves of the step interval (for Brownian-path noise).
 */
public final class AcceleratedDdpm implements Integrator {

    @Override
    public IntegratorInfo info() {
        return IntegratorInfo.stochastic("acceleratedDdpm", 1, 1);
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        for (int i = 0; i < ctx.steps(); i++) {
            double alpha = LiSteps.alpha(ctx, i);
            double half = Math.sqrt((1 - alpha) / 2);
            double t = ctx.grid().t(i);
            double mid = 0.5 * (t + ctx.grid().t(i + 1));
            NDArray plus = x.add(ctx.normal(x, t, mid).mul(half));
            NDArray score = ctx.predict(plus, i).score();
            NDArray next = plus.add(score.mul(1 - alpha)).div(Math.sqrt(alpha)).add(ctx.normal(x, mid, ctx.grid().t(i + 1)).mul(half));
            x = ctx.endStep(i, next);
        }
        return x;
    }
}
