package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.tensor.Scalars;

/**
 * Euler's method on the probability-flow ODE dx/dt = f(t) x - g(t)^2/2 score(x, t) (Song et al. 2021, eq. 13),
 * stepping in the schedule's own time variable.
 */
public final class ProbabilityFlowEuler extends StatedIntegrator implements SingleStep {

    public ProbabilityFlowEuler() {
        super(IntegratorInfo.deterministic("probabilityFlowEuler", 1, 1));
    }

    @Override
    public NDArray step(RunContext ctx, int i, NDArray x) {
        var schedule = ctx.problem().schedule();
        double t = ctx.grid().t(i);
        double dt = ctx.grid().t(i + 1) - t;
        double f = schedule.drift(t);
        double c = 0.5 * schedule.diffusionSquared(t);
        NDArray score = ctx.predict(x, i).score();
        // a zero drift (VE, EDM): 0 x - s c = s (-c) bit for bit (rounding is symmetric in sign), two operations fewer
        NDArray velocity = f == 0 ? Scalars.mul(score, -c) : Scalars.mul(x, f).subi(Scalars.mul(score, c));
        // velocity is this step's own array: scaled and added to in place (x + v dt = v dt + x exactly), the same bits
        return Scalars.inPlace(velocity, Scalars.InPlaceOp.MUL, dt).addi(x);
    }
}
