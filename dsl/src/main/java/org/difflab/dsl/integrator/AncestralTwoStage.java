package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.function.DoubleFunction;
import org.difflab.dsl.grid.TimeGrid;

/**
 * k-diffusion's two-stage ancestral samplers ({@link Dpm2Ancestral}, {@link DpmSolverPP2SAncestral}): each step is split
 * into a deterministic move to sigma_down and fresh noise sigma_up ({@link AncestralStep}), in the variables of
 * {@link SigmaStep}; the move takes two model evaluations, one where sigma_down = 0 (an Euler step). A subclass states
 * only the move, its paper's update rule.
 */
abstract class AncestralTwoStage extends NoiseKnob implements SingleStep {

    /** @param atEta the same sampler at another eta (its constructor) */
    AncestralTwoStage(String name, double eta, DoubleFunction<Integrator> atEta) {
        super(name, 2, 2, eta, atEta);
    }

    @Override
    public final long nfe(TimeGrid grid) {
        return AncestralStep.twoStageEvaluations(grid, eta);
    }

    /** y at sigma_down from the step's start {@code s} (the batch {@code x} at grid point i). */
    protected abstract NDArray yDown(RunContext ctx, int i, NDArray x, SigmaStep s, AncestralStep split);

    @Override
    public final NDArray step(RunContext ctx, int i, NDArray x) {
        SigmaStep s = SigmaStep.of(ctx, i, x);
        AncestralStep split = AncestralStep.of(ctx.grid(), i, eta);
        return s.xNext(split.addNoise(yDown(ctx, i, x, s, split), ctx, x, i));
    }
}
