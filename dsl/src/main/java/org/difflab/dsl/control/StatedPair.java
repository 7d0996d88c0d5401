package org.difflab.dsl.control;

import org.difflab.dsl.Stated;

/**
 * An embedded pair that states its {@link PairInfo} once, in its constructor's first line (as
 * {@link org.difflab.dsl.integrator.StatedIntegrator} does for integrators), so that the file holds only that line
 * and the paper's attempted step.
 */
public abstract class StatedPair extends Stated<PairInfo> implements EmbeddedPair {

    protected StatedPair(PairInfo info) {
        super(info);
    }
}
