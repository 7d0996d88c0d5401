package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.Optional;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.model.Prediction;
import org.difflab.dsl.tensor.Scalars;

/**
 * Euler-Maruyama on the reverse-time SDE of the forward process dx = f x dt + g dW (Anderson 1982; Song et al. 2021,
 * eq. 6), in the family dx = [f x - (1 + lambda^2)/2 g^2 score] dt + lambda g dW-bar: lambda = 1 is the reverse SDE,
 * lambda = 0 the probability-flow ODE. Coefficients are taken at the start of each step, dt = t_{i+1} - t_i < 0.
 */
public final class EulerMaruyama extends NoiseKnob implements SteppedIntegrator {
    /** The noise knob lambda, finite and &gt;= 0 (the knob's value under its paper's name). */
    private final double lambda;

    public EulerMaruyama(double lambda) {
        super("eulerMaruyama", 1, 1, "lambda", lambda, EulerMaruyama::new);
        this.lambda = eta;
    }

    @Override
    public Optional<Integrator> deterministicCounterpart() {
        return Optional.of(new ProbabilityFlowEuler());
    }

    @Override
    public NDArray stepWithoutNoise(TimeGrid grid, int i, NDArray x, Prediction now, NDArray previousX0) {
        double t = grid.t(i);
        double dt = grid.t(i + 1) - t;
        var schedule = grid.schedule();
        return x.add(Scalars.mul(x, schedule.drift(t) * dt)).sub(Scalars.mul(now.score(), 0.5 * (1 + lambda * lambda) * schedule.diffusionSquared(t) * dt));
    }

    @Override
    public double noiseScale(TimeGrid grid, int i) {
        double t = grid.t(i);
        return lambda > 0 ? lambda * Math.sqrt(grid.schedule().diffusionSquared(t) * (t - grid.t(i + 1))) : 0;
    }
}
