package org.difflab.dsl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * Anything that maps a batch x at a noise level to a prediction with a declared {@link Parameterization}:
 * a target's exact score, a perturbed score, a TorchScript network, a Java UNet. Integrators never call it
 * directly: they go through {@code RunContext.predict}, which counts evaluations and converts.
 */
public interface ScoreModel {

    /** What {@link #predict} returns: score, epsilon, x0 or v. */
    Parameterization parameterization();

    /** Shape of one sample (e.g. [d] or [C, H, W]). */
    Shape eventShape();

    /** The prediction for a batch x [B, event...] at one noise level. */
    NDArray predict(NDArray x, NoiseLevel level);

    /**
     * {@link #predict} converted to the score parameterization: what a model that adds to or compares against a
     * score (a perturbed score, a hierarchy level) reads from the model it wraps.
     */
    default NDArray predictScore(NDArray x, NoiseLevel level) {
        return parameterization().toScore(predict(x, level), x, level);
    }

    /**
     * The predictions for a batch whose rows carry their own noise levels ({@code levels}: one per row, or one for
     * every row): the one batched call per round of parallel-in-time samplers. The default makes one call per run of
     * equal consecutive levels ({@link LevelRuns}); models that take a time per row (networks, exact scores) override
     * it with a single call.
     */
    default NDArray predict(NDArray x, NoiseLevel[] levels) {
        return LevelRuns.apply(x, levels, this::predict);
    }

    /** Short description for reports. */
    default String describe() {
        return getClass().getSimpleName();
    }
}
