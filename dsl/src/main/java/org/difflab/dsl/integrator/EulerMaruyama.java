package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.Optional;
import org.difflab.dsl.Require;

/**
 * Euler-Maruyama on the reverse-time SDE of the forward process dx = f x dt + g dW (Anderson 1982; Song et al. 2021,
 * eq. 6), in the family dx = [f x - (1 + lambda^2)/2 g^2 score] dt + lambda g dW-bar: lambda = 1 is the reverse SDE,
 * lambda = 0 the probability-flow ODE. Coefficients are taken at the start of each step, dt = t_{i+1} - t_i < 0.
 */
public final class EulerMaruyama implements Integrator {
    private final double lambda;

    public EulerMaruyama(double lambda) {
        this.lambda = Require.nonNegative("lambda", lambda);
    }

    @Override
    public String name() {
        return "eulerMaruyama";
    }

    @Override
    public String spec() {
        return "eulerMaruyama:lambda=" + lambda;
    }

    @Override
    public int nfePerStep() {
        return 1;
    }

    @Override
    public boolean stochastic() {
        return lambda > 0;
    }

    @Override
    public double expectedOrder() {
        return 1;
    }

    @Override
    public Optional<Integrator> withoutNoise() {
        return lambda > 0 ? Optional.of(new EulerMaruyama(0)) : Optional.empty();
    }

    @Override
    public Optional<Integrator> deterministicCounterpart() {
        return Optional.of(new ProbabilityFlowEuler());
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        var schedule = ctx.problem().schedule();
        for (int i = 0; i < ctx.steps(); i++) {
            double t = ctx.grid().t(i);
            double dt = ctx.grid().t(i + 1) - t;
            double f = schedule.drift(t);
            double g2 = schedule.diffusionSquared(t);
            NDArray score = ctx.predict(x, i).score();
            NDArray next = x.add(x.mul(f * dt)).sub(score.mul(0.5 * (1 + lambda * lambda) * g2 * dt));
            if (lambda > 0) {
                next = next.add(ctx.normal(x, i).mul(lambda * Math.sqrt(g2 * -dt)));
            }
            x = ctx.endStep(i, next);
        }
        return x;
    }
}
