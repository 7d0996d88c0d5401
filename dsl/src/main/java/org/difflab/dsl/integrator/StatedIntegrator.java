package org.difflab.dsl.integrator;

import org.difflab.dsl.Stated;

/**
 * An integrator that states its {@link IntegratorInfo} once, in its constructor's first line, so that the file holds
 * only that line and the paper's update rule. The base of the knob, Li-chain and multistep families as well, and of
 * the parallel-in-time wrappers, whose info follows from the sampler they wrap.
 */
public abstract class StatedIntegrator extends Stated<IntegratorInfo> implements Integrator {

    protected StatedIntegrator(IntegratorInfo info) {
        super(info);
    }
}
