package org.difflab.dsl.noise;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * A noise stream that answers every call with the wrapped stream's answer, the end-of-step hook included; a subclass
 * overrides only the calls it changes (a mutated stream's draws, a Brownian path's interval draws, a test's hook).
 */
public abstract class ForwardingNoiseStream implements NoiseStream {
    private final NoiseStream inner;

    /** @param inner the stream whose answers this one passes on */
    protected ForwardingNoiseStream(NoiseStream inner) {
        if (inner == null) {
            throw new IllegalArgumentException("inner is null, which is not allowed");
        }
        this.inner = inner;
    }

    /** The wrapped stream. */
    protected final NoiseStream inner() {
        return inner;
    }

    @Override
    public int size() {
        return inner.size();
    }

    @Override
    public long first() {
        return inner.first();
    }

    @Override
    public NDArray normal(NDManager manager, Shape event, DataType type, double tFrom, double tTo) {
        return inner.normal(manager, event, type, tFrom, tTo);
    }

    @Override
    public NDArray normal(NDManager manager, Shape event, DataType type) {
        return inner.normal(manager, event, type);
    }

    @Override
    public double[] uniform() {
        return inner.uniform();
    }

    @Override
    public double uniformShared() {
        return inner.uniformShared();
    }

    @Override
    public void stepEnded(int step, List<NDArray> kept) {
        inner.stepEnded(step, kept);
    }
}
