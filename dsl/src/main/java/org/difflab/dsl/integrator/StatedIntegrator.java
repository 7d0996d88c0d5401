package org.difflab.dsl.integrator;

/**
 * An integrator that states its {@link IntegratorInfo} once, in its constructor's first line, so that the file holds
 * only that line and the paper's update rule. The base of the knob, Li-chain and multistep families as well, and of
 * the parallel-in-time wrappers, whose info follows from the sampler they wrap.
 */
public abstract class StatedIntegrator implements Integrator {
    private final IntegratorInfo info;

    protected StatedIntegrator(IntegratorInfo info) {
        this.info = info;
    }

    @Override
    public final IntegratorInfo info() {
        return info;
    }
}
