package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.IntegratorInfo;
import org.difflab.dsl.integrator.RunContext;

/**
 * A Langevin sampler: an {@link Integrator} of a {@link LangevinProblem}, advancing a batch of chains by
 * {@code ctx.steps()} steps of size h on the same {@link RunContext} and {@code Solve.run} as a diffusion integrator.
 * Stateless between runs; one file per sampler whose {@link #run} reads like the paper's update rule, one registration
 * line in {@link LangevinIntegrators}, and the Langevin conformance suite covers it.
 *
 * <p>What it adds to an integrator is what a Langevin chain has and a diffusion grid does not: the dynamics it
 * discretises (which fixes the state layout, [B, d] or [B, 2d] with velocities) and its gradient evaluations per chain
 * and step, which may be random (Poisson midpoint); its drift does not depend on time and its step is a constant h, so it
 * reads {@link RunContext#drift}, {@link RunContext#stepSize} and {@link RunContext#time} and never a grid or a model.
 */
public interface LangevinIntegrator extends Integrator {

    /** Registered name, e.g. {@code lmc}. */
    @Override
    String name();

    /**
     * Its info, derived: every Langevin sampler injects noise at each step, its calls per step are its gradients per step
     * rounded up, and it claims no diffusion convergence order (its bias in h is checked by the stationary-variance claims).
     */
    @Override
    default IntegratorInfo info() {
        return IntegratorInfo.stochastic(name(), (int) Math.ceil(gradientsPerStep()), 0);
    }

    /** The dynamics discretised, which fixes the state layout ([B, d] or [B, 2d]). */
    Dynamics dynamics();

    /** Expected gradient evaluations per chain and step. */
    double gradientsPerStep();

    /** Variance of the number of gradient evaluations per chain and step: 0 when it is fixed. */
    default double gradientsPerStepVariance() {
        return 0;
    }

    /**
     * Runs {@code ctx.steps()} steps from the state batch x and returns the final state. Every step must end with
     * {@code x = ctx.endStep(i, x, carried...)}.
     */
    @Override
    NDArray run(RunContext ctx, NDArray x);
}
