package org.difflab.theory.exact;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.IntegratorInfo;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * Test integrators that change one thing of a DDPM step (large variance: x' = DDPM mean + sqrt(beta) z, beta =
 * sigma^2 - r^2 sigma'^2, r = alpha / alpha'), for the exact evaluator's tests: a deliberate bug it must catch
 * ({@link #inflated}) and a step with auxiliary draws it must average over ({@link #randomSplit}). {@code label}: the
 * integrator's name; {@code split}: the random noise split; {@code varianceFactor}: the factor on the injected variance.
 */
record DdpmVariant(String label, boolean split, double varianceFactor) implements Integrator {

    /** DDPM with the injected noise variance multiplied by {@code factor}: beta becomes factor beta. */
    static DdpmVariant inflated(double factor) {
        return new DdpmVariant("inflatedDdpm", false, factor);
    }

    /**
     * The acceleratedDdpm-style noise split of a DDPM step at a random fraction u (one shared auxiliary draw per step),
     * so the law depends on u: x+ = x + sqrt(u beta) z, x' = DDPM mean at x+ + sqrt((1 - u) beta) z'.
     */
    static DdpmVariant randomSplit() {
        return new DdpmVariant("randomSplitDdpm", true, 1);
    }

    @Override
    public IntegratorInfo info() {
        return IntegratorInfo.stochastic(label, 1, 1);
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        for (int i = 0; i < ctx.steps(); i++) {
            NoiseLevel now = ctx.level(i);
            NoiseLevel next = ctx.level(i + 1);
            double u = split ? ctx.noise().uniformShared() : 0;
            double r = now.alpha() / next.alpha();
            double s2 = now.sigma() * now.sigma();
            double sp2 = next.sigma() * next.sigma();
            double beta = s2 - r * r * sp2;
            NDArray plus = split ? x.add(ctx.normal(x, i).mul(Math.sqrt(u * beta))) : x;
            NDArray x0 = ctx.predict(plus, i).x0();
            NDArray mean = plus.mul(r * sp2 / s2).add(x0.mul(next.alpha() * beta / s2));
            x = ctx.endStep(i, sp2 == 0 ? mean : mean.add(ctx.normal(x, i).mul(Math.sqrt(varianceFactor * (1 - u) * beta))));
        }
        return x;
    }
}
