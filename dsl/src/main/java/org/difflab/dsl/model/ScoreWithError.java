package org.difflab.dsl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * A score with a known error: s(x) = s_base(x) + e(x), the base read in the score parameterization whatever it
 * predicts. The models that probe the score-error terms of the convergence theorems (a perturbed score, a level of a
 * synthetic hierarchy) differ only in how they form s_base + e.
 */
public abstract class ScoreWithError implements ScorePredictor {
    private final ScoreModel base;

    protected ScoreWithError(ScoreModel base) {
        this.base = Require.notNull("base", base);
    }

    // alike OffsetNoise in form only: an accessor and an override over a wrapped value; no logic to share with a noise
    /** The score the error is added to. */
    public ScoreModel base() {
        return base;
    }

    @Override
    public Shape eventShape() {
        return base.eventShape();
    }

    @Override
    public final NDArray predict(NDArray x, NoiseLevel level) {
        return withError(base.predictScore(x, level), x);
    }

    /**
     * s_base + e at {@code x} given {@code baseScore} = s_base(x) in score space: for callers that add several errors to
     * one base at one state ({@link org.difflab.dsl.hierarchy.ModelHierarchy#scores}), which then evaluate the base once.
     */
    public final NDArray predictWithBase(NDArray baseScore, NDArray x) {
        return withError(baseScore, x);
    }

    /** s_base + e at the batch {@code x} [B, event...], given {@code score} = s_base(x). */
    protected abstract NDArray withError(NDArray score, NDArray x);
}
