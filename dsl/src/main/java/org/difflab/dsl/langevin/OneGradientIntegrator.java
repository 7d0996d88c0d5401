package org.difflab.dsl.langevin;

/**
 * What {@link Lmc} and {@link Ulmc} state alike about themselves: a name, the dynamics they discretise and one drift
 * gradient per step (the force is evaluated once, at the step's start, and frozen over the step).
 */
// alike BatchStream in form only: a base that stores what its subclasses state about themselves, for another interface
abstract class OneGradientIntegrator implements LangevinIntegrator {
    private final String name;
    private final Dynamics dynamics;

    OneGradientIntegrator(String name, Dynamics dynamics) {
        this.name = name;
        this.dynamics = dynamics;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Dynamics dynamics() {
        return dynamics;
    }

    @Override
    public double gradientsPerStep() {
        return 1;
    }
}
