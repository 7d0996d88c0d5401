package org.difflab.dsl.noise;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * What the noise sources' streams share: the batch they serve (samples first..first+size-1) and, for sources whose
 * Gaussian draws do not depend on time (per-sample, engine), the interval form of {@link #normal} that ignores the
 * interval; a Brownian path overrides it.
 */
abstract class BatchStream implements NoiseStream {
    private final long first;
    private final int size;

    BatchStream(long first, int size) {
        this.first = first;
        this.size = size;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public long first() {
        return first;
    }

    @Override
    public NDArray normal(NDManager manager, Shape event, DataType type, double tFrom, double tTo) {
        return normal(manager, event, type);
    }
}
