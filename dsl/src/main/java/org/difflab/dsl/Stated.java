package org.difflab.dsl;

/**
 * A piece that states what it is (its info record) once, in its constructor's first line, so that its file holds only
 * that line and the paper's rule: the base of {@link org.difflab.dsl.integrator.StatedIntegrator} (info an
 * {@link org.difflab.dsl.integrator.IntegratorInfo}) and {@link org.difflab.dsl.control.StatedPair} (a
 * {@link org.difflab.dsl.control.PairInfo}).
 *
 * @param <I> the info record
 */
public abstract class Stated<I extends Record> {
    private final I info;

    protected Stated(I info) {
        this.info = info;
    }

    /** What this piece states about itself. */
    public final I info() {
        return info;
    }
}
