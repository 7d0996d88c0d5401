package org.difflab.dsl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.difflab.dsl.schedule.NoiseLevel;

/** The exact score of a target's noised marginals: a model with no learning error. */
public final class ExactScore implements ScorePredictor {
    private final MarginalScore target;

    /** The exact score of {@code target} (in practice a {@code Target}). */
    public ExactScore(MarginalScore target) {
        this.target = target;
    }

    /** The distribution whose score this is. */
    public MarginalScore target() {
        return target;
    }

    @Override
    public Shape eventShape() {
        return new Shape(target.dim());
    }

    @Override
    public NDArray predict(NDArray x, NoiseLevel level) {
        return target.score(x, level);
    }

    @Override
    public NDArray predict(NDArray x, NoiseLevel[] levels) {
        return target.score(x, levels);
    }

    @Override
    public String describe() {
        return "exact score of " + target.spec();
    }
}
