package org.difflab.dsl.target;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.difflab.dsl.model.ExactScore;
import org.difflab.dsl.model.LevelRuns;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * A data distribution on R^d whose every noised marginal law(alpha X_0 + sigma Z) is known in closed form:
 * the ground truth of every rate check (DESIGN.md). Tensors are batches [B, d] in float32 or float64.
 */
public interface Target {

    /** Dimension d. */
    int dim();

    /** The spec string that rebuilds this target. */
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

    /** Log density of the noised marginal at the given level, shape [B]. */
    NDArray logDensity(NDArray x, NoiseLevel level);

    /** Exact samples of the clean target, one row per sample of the stream. */
    NDArray sample(NDManager manager, NoiseStream noise, DataType type);

    /** Mean of the clean target. */
    double[] mean();

    /** Covariance of the clean target. */
    double[][] covariance();

    /** The exact score as a model with score parameterisation. */
    default ScoreModel exactScore() {
        return new ExactScore(this);
    }
}
