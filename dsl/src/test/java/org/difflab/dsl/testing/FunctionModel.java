package org.difflab.dsl.testing;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.function.BiFunction;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * A score model given by a function of (x, level), for tests that need a model with a twist (NaN below some level, an
 * eps model built from an exact score, a cheap stand-in): one line in the test instead of an anonymous class.
 */
public record FunctionModel(Parameterization parameterization, Shape eventShape, BiFunction<NDArray, NoiseLevel, NDArray> prediction)
        implements ScoreModel {

    @Override
    public NDArray predict(NDArray x, NoiseLevel level) {
        return prediction.apply(x, level);
    }
}
