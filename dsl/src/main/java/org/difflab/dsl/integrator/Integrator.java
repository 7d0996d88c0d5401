package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.Optional;
import org.difflab.dsl.grid.TimeGrid;

/**
 * A sampler: advances a batch with the evaluations, noise and bookkeeping of a {@link RunContext}, along a time grid of
 * a diffusion problem, or, as a {@code langevin.LangevinIntegrator}, for n steps of size h of a Langevin problem (both
 * through {@link Solve#run}). Stateless between runs; an implementation is one file that states its
 * {@link IntegratorInfo} once and whose {@link #run} reads like the paper's update rule. A new integrator is one class
 * plus one registration line in {@link Integrators} (Langevin: {@code LangevinIntegrators}), and is then covered by the
 * conformance suite.
 */
public interface Integrator {

    /** What this integrator states about itself once: name, model evaluations per step, stochastic, expected order. */
    IntegratorInfo info();

    /** Registered name, e.g. {@code ddim} (from {@link #info()}). */
    default String name() {
        return info().name();
    }

    /** Spec string with parameters, e.g. {@code ddim:eta=0.5}. */
    default String spec() {
        return name();
    }

    /** Model evaluations per step, the steady-state count (from {@link #info()}). */
    default int nfePerStep() {
        return info().nfePerStep();
    }

    /** Whether the integrator injects noise after the initial draw (from {@link #info()}). */
    default boolean stochastic() {
        return info().stochastic();
    }

    /** Expected convergence order on smooth problems, weak order for stochastic integrators (from {@link #info()}). */
    default double expectedOrder() {
        return info().expectedOrder();
    }

    /**
     * Exact model evaluations of a run on this grid; override when the first or last step differs. For an integrator
     * with a {@link #randomNfeCounter()} this is only the nominal count nfePerStep() * steps.
     */
    default long nfe(TimeGrid grid) {
        return (long) nfePerStep() * grid.steps();
    }

    /**
     * For integrators whose number of model evaluations is random (e.g. Poisson midpoints): the name of the run
     * counter ({@link RunContext#count}) that holds the evaluations beyond one per step, so that a run on a grid
     * spends exactly grid.steps() + that counter. Empty (the default) when the count is deterministic and
     * {@link #nfe} is exact. The conformance suite checks whichever applies.
     */
    default Optional<String> randomNfeCounter() {
        return Optional.empty();
    }

    /**
     * For integrators whose only auxiliary randomness is Bernoulli selections shared by the batch that enter each step
     * affinely: their {@link SelectionLaw}, so that an expectation over the selections can be computed instead of
     * sampled. Empty (the default) otherwise.
     */
    default Optional<SelectionLaw<Integrator>> selectionLaw() {
        return Optional.empty();
    }

    /** This integrator with its noise knob at zero (eta = 0, lambda = 0), for stochastic integrators that have one. */
    default Optional<Integrator> withoutNoise() {
        return Optional.empty();
    }

    /**
     * The separately written deterministic integrator that {@link #withoutNoise()} must equal (to rounding),
     * e.g. probability-flow Euler for Euler-Maruyama; checked by the conformance suite.
     */
    default Optional<Integrator> deterministicCounterpart() {
        return Optional.empty();
    }

    /**
     * Runs the whole grid from the initial batch x (at t_0) and returns the batch at the last time.
     * Every step must end with {@code x = ctx.endStep(i, x, carried...)}.
     */
    NDArray run(RunContext ctx, NDArray x);
}
