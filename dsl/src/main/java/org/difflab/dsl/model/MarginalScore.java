package org.difflab.dsl.model;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * A distribution on R^d whose noised marginals law(alpha X_0 + sigma Z) have a known score: what {@link ExactScore}
 * needs of a target, so that the model package does not depend on the target package (targets extend this).
 */
public interface MarginalScore {
    // alike ScoreModel in shape only: a distribution's exact score of its noised marginals, not a model's prediction with
    // a parameterization and an event shape

    /** Dimension d. */
    int dim();

    /** The spec string that rebuilds this distribution. */
    String spec();

    /** Exact score grad log p of the noised marginal at the given level, for a batch x [B, d]. */
    NDArray score(NDArray x, NoiseLevel level);

    /**
     * The exact score with one level per row ({@code levels}: one per row, or one for every row). Gaussians and
     * mixtures compute it in one pass with per-row constants; the default calls {@link #score(NDArray, NoiseLevel)}
     * once per run of equal levels.
     */
    default NDArray score(NDArray x, NoiseLevel[] levels) {
        return LevelRuns.apply(x, levels, this::score);
    }
}
