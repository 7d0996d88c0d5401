package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;

/**
 * A Langevin sampler: advances a batch of chains by {@code ctx.steps()} steps of size h on a {@link LangevinProblem}.
 * Stateless between runs; one file per sampler whose {@link #run} reads like the paper's update rule, one
 * registration line in {@link LangevinIntegrators}, and the Langevin conformance suite covers it.
 *
 * <p><b>Why a second interface.</b> The diffusion {@code Integrator} runs on a {@code RunContext} built from a noise
 * schedule, a time grid of noise levels and a score model with a parameterisation, and declares a fixed number of model
 * calls per grid step. A Langevin chain has none of these: its drift does not depend on time, its step is a constant h,
 * its state may carry velocities ([B, 2d]), and its gradient count per step can be random (Poisson midpoint). Forcing
 * it through the diffusion interface would need a fake schedule and grid and would hide the random count, so the two
 * kinds of samplers share the noise streams, observers, NaN check and native-memory discipline, and keep two small
 * interfaces.
 */
public interface LangevinIntegrator {

    /** Registered name, e.g. {@code lmc}. */
    String name();

    /** Spec string with parameters, e.g. {@code randomizedMidpoint:form=overdamped,noise=coupled}. */
    default String spec() {
        return name();
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
    NDArray run(LangevinContext ctx, NDArray x);
}
