package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

/**
 * Step i of a sampler written in k-diffusion's variables (Karras et al. 2022, section 4): y = x / alpha and the noise
 * level sigma / alpha, in which the probability-flow ODE is dy/dsigma = eps. Holds the step's two grid levels, sigma at
 * its start and the batch's y there, and carries a y at the step's end back to x. Used by {@link Heun},
 * {@link EdmStochastic} and the k-diffusion samplers {@link Dpm2Ancestral}, {@link DpmSolverPP2SAncestral} and
 * {@link DpmSolverPPSde}.
 *
 * @param now   the level of grid point i
 * @param next  the level of grid point i + 1
 * @param sigma sigma / alpha at grid point i
 * @param y     the batch divided by alpha at grid point i (the batch itself when alpha = 1)
 */
record SigmaStep(NoiseLevel now, NoiseLevel next, double sigma, NDArray y) {

    /** Step i of the run from the batch {@code x} at grid point i. */
    static SigmaStep of(RunContext ctx, int i, NDArray x) {
        NoiseLevel now = ctx.level(i);
        // alpha = 1 (VE, EDM): the same bits without an operation
        return new SigmaStep(now, ctx.level(i + 1), now.sigmaOverAlpha(), now.alpha() == 1 ? x : Scalars.div(x, now.alpha()));
    }

    /** The batch x at grid point i + 1 from its y there. */
    NDArray xNext(NDArray yNext) {
        return times(yNext, next.alpha());
    }

    /** {@code a} times alpha, or {@code a} itself when alpha = 1 (VE and EDM schedules): the same bits without an operation. */
    static NDArray times(NDArray a, double alpha) {
        return alpha == 1 ? a : Scalars.mul(a, alpha);
    }
}
