package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.tensor.Scalars;

/**
 * The deterministic second-order Heun sampler of EDM (Karras et al. 2022, Algorithm 1 with S_churn = 0) on the
 * probability-flow ODE dy/dsigma = eps(y) of the rescaled variable y = x/alpha, sigma = s/alpha; the step to
 * sigma = 0 is a plain Euler step, as in the paper.
 */
public final class Heun extends StatedIntegrator implements TwoStageStep {

    public Heun() {
        super(IntegratorInfo.deterministic("heun", 2, 2));
    }

    @Override
    public NDArray step(RunContext ctx, int i, NDArray x) {
        SigmaStep s = SigmaStep.of(ctx, i, x);
        double h = s.next().sigmaOverAlpha() - s.sigma();
        NDArray d = ctx.predict(x, i).eps();
        // the products are this step's own arrays: y added to them in place (h d + y = y + h d exactly), the same bits
        // with a result array fewer each; y itself may be x (alpha = 1) and is never overwritten
        NDArray yNext = Scalars.mul(d, h).addi(s.y());
        if (s.next().sigma() > 0) {
            NDArray dNext = ctx.predict(s.xNext(yNext), i + 1).eps();
            yNext = Scalars.inPlace(d.add(dNext), Scalars.InPlaceOp.MUL, 0.5 * h).addi(s.y());
        }
        return s.xNext(yNext);
    }
}
