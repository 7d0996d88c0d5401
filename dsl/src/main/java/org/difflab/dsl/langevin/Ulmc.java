package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.integrator.RunContext;

/**
 * Underdamped (kinetic) Langevin Monte Carlo with the exact OU integrator and the force frozen over each step (Cheng,
 * Chatterji, Bartlett and Jordan 2018; research note section 1.2), on states [U | V]:
 * <pre>
 *   U' = U + phi1(h) V + phi2(h) b(U) + sqrt(2 gamma)/gamma (H - G)
 *   V' = e^{-gamma h} V + phi1(h) b(U) + sqrt(2 gamma) G
 * </pre>
 * with phi1, phi2 and the Gaussian pair (H, G) of {@link OrnsteinUhlenbeck} (the 2 x 2 OU covariance per coordinate).
 * One gradient per step. The note marks the claim that Kandasamy and Nagaraj use exactly this parametrisation as a
 * reconstruction [R].
 */
public final class Ulmc extends OneGradientIntegrator {

    public Ulmc() {
        super("ulmc", Dynamics.UNDERDAMPED);
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        FrozenForceFlow flow = dynamics().flow(ctx.friction());
        double[] h = PerRow.shared(ctx.stepSize());
        for (int i = 0; i < ctx.steps(); i++) {
            NDArray u = flow.position(x);
            NDArray b = ctx.drift(u);
            NDArray next = flow.advance(x, b, h).add(flow.noise(ctx, u, ctx.time(i), ctx.stepSize()));
            x = ctx.endStep(i, next);
        }
        return x;
    }
}
