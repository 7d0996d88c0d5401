package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.model.Prediction;
import org.difflab.dsl.tensor.Scalars;

/**
 * The first-order exponential integrator on the reverse SDE (lambda = 1) or the probability-flow ODE (lambda = 0):
 * the linear drift f x integrated exactly, the score frozen at the left point ({@link ExponentialStep}; research
 * note mlem_parallel.md B.1; the sequential sampler whose Picard iteration is {@code picardBlocks}, Chen, Ren, Ying
 * and Rotskoff 2024).
 */
public final class ExponentialEuler extends NoiseKnob implements SteppedIntegrator {
    /** The noise knob lambda, finite and &gt;= 0 (the knob's value under its paper's name). */
    private final double lambda;

    public ExponentialEuler(double lambda) {
        super("exponentialEuler", 1, 1, "lambda", lambda, ExponentialEuler::new);
        this.lambda = eta;
    }

    /** The coefficients of step i. */
    public ExponentialStep step(TimeGrid grid, int i) {
        return ExponentialStep.of(grid.schedule(), grid.t(i), grid.t(i + 1) - grid.t(i), lambda);
    }

    @Override
    public NDArray stepWithoutNoise(TimeGrid grid, int i, NDArray x, Prediction now, NDArray previousX0) {
        ExponentialStep s = step(grid, i);
        return Scalars.mul(x, s.decay()).add(Scalars.mul(now.score(), s.scoreWeight()));
    }

    @Override
    public double noiseScale(TimeGrid grid, int i) {
        return step(grid, i).noiseScale();
    }
}
