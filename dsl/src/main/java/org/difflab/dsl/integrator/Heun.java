package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

/**
 * The deterministic second-order Heun sampler of EDM (Karras et al. 2022, Algorithm 1 with S_churn = 0) on the
 * probability-flow ODE dy/dsigma = eps(y) of the rescaled variable y = x/alpha, sigma = s/alpha; the step to
 * sigma = 0 is a plain Euler step, as in the paper.
 */
public final class Heun implements Integrator {

    @Override
    public IntegratorInfo info() {
        return IntegratorInfo.deterministic("heun", 2, 2);
    }

    @Override
    public long nfe(TimeGrid grid) {
        return 2L * grid.steps() - (grid.level(grid.steps()).sigma() == 0 ? 1 : 0);
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        for (int i = 0; i < ctx.steps(); i++) {
            NoiseLevel now = ctx.level(i);
            NoiseLevel next = ctx.level(i + 1);
            double h = next.sigmaOverAlpha() - now.sigmaOverAlpha();
            NDArray y = now.alpha() == 1 ? x : Scalars.div(x, now.alpha()); // alpha = 1 (VE, EDM): the same bits without an operation
            NDArray d = ctx.predict(x, i).eps();
            NDArray yNext = y.add(Scalars.mul(d, h));
            if (next.sigma() > 0) {
                NDArray dNext = ctx.predict(times(yNext, next.alpha()), i + 1).eps();
                yNext = y.add(Scalars.mul(d.add(dNext), 0.5 * h));
            }
            x = ctx.endStep(i, times(yNext, next.alpha()));
        }
        return x;
    }

    /** {@code a} times alpha, or {@code a} itself when alpha = 1 (VE and EDM schedules): the same bits without an operation. */
    static NDArray times(NDArray a, double alpha) {
        return alpha == 1 ? a : Scalars.mul(a, alpha);
    }
}
