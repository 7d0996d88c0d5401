package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;

/**
 * Euler's method on the probability-flow ODE dx/dt = f(t) x - g(t)^2/2 score(x, t) (Song et al. 2021, eq. 13),
 * stepping in the schedule's own time variable.
 */
public final class ProbabilityFlowEuler implements Integrator {

    @Override
    public String name() {
        return "probabilityFlowEuler";
    }

    @Override
    public int nfePerStep() {
        return 1;
    }

    @Override
    public boolean stochastic() {
        return false;
    }

    @Override
    public double expectedOrder() {
        return 1;
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        var schedule = ctx.problem().schedule();
        for (int i = 0; i < ctx.steps(); i++) {
            double t = ctx.grid().t(i);
            double dt = ctx.grid().t(i + 1) - t;
            NDArray velocity = x.mul(schedule.drift(t)).sub(ctx.predict(x, i).score().mul(0.5 * schedule.diffusionSquared(t)));
            x = ctx.endStep(i, x.add(velocity.mul(dt)));
        }
        return x;
    }
}
