package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.integrator.PoissonMidpoint;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.spec.Spec;

/**
 * The registered Langevin integrator {@code plmc}: the {@link PoissonMidpoint} method of the Langevin world seen as a
 * {@link LangevinIntegrator} (its dynamics and declared gradients per step). Everything else (knobs, validation, spec,
 * the frozen-flow chain) is the method's; this view exists because a diffusion run refuses Langevin integrators by type.
 */
public final class Plmc implements LangevinIntegrator {

    private final PoissonMidpoint method;

    /** @param method a Poisson midpoint method of the Langevin world ({@link PoissonMidpoint#langevin}) */
    public Plmc(PoissonMidpoint method) {
        if (method.world() != PoissonMidpoint.World.LANGEVIN) {
            throw new IllegalArgumentException("method = " + method.spec() + " is not allowed: plmc needs a Poisson midpoint method of the "
                    + "Langevin world (PoissonMidpoint.langevin)");
        }
        this.method = method;
    }

    /** From a spec's knobs {@code K, lambda, select, form, noise, share}, each checked with its name, value and what is allowed. */
    static Plmc fromSpec(Spec s) {
        return new Plmc(PoissonMidpoint.parseLangevin(s));
    }

    /** The method this integrator runs. */
    public PoissonMidpoint method() {
        return method;
    }

    @Override
    public String name() {
        return method.name();
    }

    @Override
    public String spec() {
        return method.spec();
    }

    @Override
    public Dynamics dynamics() {
        return method.dynamics();
    }

    @Override
    public double gradientsPerStep() {
        return method.gradientsPerStep();
    }

    @Override
    public double gradientsPerStepVariance() {
        return method.gradientsPerStepVariance();
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        return method.run(ctx, x);
    }
}
