package org.difflab.runtime.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import java.util.List;

/**
 * Exponential moving average of weights, the weights diffusion models are sampled with (Ho et al. 2020 use decay
 * 0.9999; Song and Ermon 2020 argue for it): after update n, e = d_n e + (1 - d_n) w with
 * d_n = min(decay, (1 + n) / (10 + n)), the warm-up of TensorFlow's ExponentialMovingAverage, so that a short run is not
 * dominated by the initial weights. Constants are tensor operands and temporaries are scoped.
 */
final class Ema {
    private final List<NDArray> source;
    private final List<NDArray> average;
    private final double decay;
    private final NDManager manager;
    private long updates;

    /** Averages {@code source} into {@code average} (same shapes, same order); constants are made in {@code manager}. */
    Ema(List<NDArray> source, List<NDArray> average, double decay, NDManager manager) {
        this.source = List.copyOf(source);
        this.average = List.copyOf(average);
        this.decay = decay;
        this.manager = manager;
    }

    /** One averaging step. */
    void update() {
        updates++;
        double d = Math.min(decay, (1.0 + updates) / (10.0 + updates));
        try (NDScope scope = new NDScope()) {
            NDArray keep = manager.create((float) d);
            NDArray take = manager.create((float) (1 - d));
            for (int k = 0; k < source.size(); k++) {
                average.get(k).muli(keep).addi(source.get(k).mul(take));
            }
        }
    }

    /** Updates so far. */
    long updates() {
        return updates;
    }

    /** Sets the update count after the averages were restored from a checkpoint. */
    void restoreUpdates(long updates) {
        this.updates = updates;
    }
}
