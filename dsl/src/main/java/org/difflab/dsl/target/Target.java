package org.difflab.dsl.target;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.difflab.dsl.model.ExactScore;
import org.difflab.dsl.model.MarginalScore;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * A data distribution on R^d whose every noised marginal law(alpha X_0 + sigma Z) is known in closed form:
 * the ground truth of every rate check (DESIGN.md). Tensors are batches [B, d] in float32 or float64. Its dimension,
 * spec and exact score are those of {@link MarginalScore}.
 */
public interface Target extends MarginalScore {

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
