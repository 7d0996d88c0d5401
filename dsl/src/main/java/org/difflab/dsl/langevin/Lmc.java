package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.tensor.Scalars;

/**
 * Overdamped Langevin Monte Carlo (the unadjusted Langevin algorithm; Roberts and Tweedie 1996): the Euler-Maruyama
 * step of dX = b(X) dt + sqrt(2) dB,
 * <pre>
 *   X' = X + h b(X) + sqrt(2h) Z,    b = grad log pi = -grad F
 * </pre>
 * One gradient per step. On the standard Gaussian its stationary variance is 1/(1 - h/2) (research note section 9.1).
 * Its coefficients (A = I, G = h, Gamma = sqrt(2h)) are those of {@link Dynamics#OVERDAMPED}'s flow, which the midpoint
 * samplers reuse: {@code plmc:K=1} is this sampler.
 */
public final class Lmc extends OneGradientIntegrator {

    public Lmc() {
        super("lmc", Dynamics.OVERDAMPED);
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        double h = ctx.stepSize();
        for (int i = 0; i < ctx.steps(); i++) {
            double t = ctx.time(i);
            NDArray b = ctx.drift(x);
            NDArray next = x.add(Scalars.mul(b, h)).add(Scalars.mul(ctx.normal(x, t, t + h), Math.sqrt(2 * h)));
            x = ctx.endStep(i, next);
        }
        return x;
    }
}
