package org.difflab.dsl.observe;

import ai.djl.ndarray.NDArray;

/** Stops a run at the first step whose state holds NaN or an infinity, naming sampler, step and time. */
public final class NonFiniteCheck implements StepObserver {
    @Override
    public void onStep(StepEvent e) {
        NDArray x = e.state();
        boolean bad = x.isNaN().logicalOr(x.isInfinite()).any().getBoolean();
        if (bad) {
            throw new NonFiniteStateException(e.integrator(), e.step(), e.steps(), e.t(), e.tNext(), e.firstSample());
        }
    }
}
