package org.difflab.dsl.model;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.schedule.NoiseLevel;

/** One model evaluation at (x, level), viewed in any parameterisation; conversions are computed once, on demand. */
public final class Prediction {
    private final NDArray x;
    private final NoiseLevel level;
    private final Parameterization kind;
    private final NDArray raw;
    private NDArray eps;
    private NDArray x0;
    private NDArray score;

    // alike UNetCheckpoint in form only: stored fields and accessors; the conversions below are its own
    public Prediction(NDArray x, NoiseLevel level, Parameterization kind, NDArray raw) {
        this.x = x;
        this.level = level;
        this.kind = kind;
        this.raw = raw;
    }

    public NoiseLevel level() {
        return level;
    }

    /** Predicted noise. */
    public NDArray eps() {
        if (eps == null) {
            eps = kind.toEps(raw, x, level);
        }
        return eps;
    }

    /** Predicted clean data ("denoised", D(x) in EDM notation). */
    public NDArray x0() {
        if (x0 == null) {
            x0 = kind.toX0(raw, x, level);
        }
        return x0;
    }

    /** Predicted score. */
    public NDArray score() {
        if (score == null) {
            score = kind.toScore(raw, x, level);
        }
        return score;
    }
}
