package org.difflab.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseLevel;
import org.junit.jupiter.api.Test;

/**
 * The Gaussian base of a real data set: the exact score of Fashion-MNIST's per-pixel training moments. The expected
 * moments were printed by an independent reader (python3 + numpy over the gunzipped training file, all 60,000 images,
 * values k / 127.5 - 1): pixel (14, 14) mean 0.091452549019616, variance 0.38341520764584774; pixel (0, 0) variance
 * 5.27e-7, below the floor.
 */
class PixelGaussianTest {

    @Test
    void theScoreIsThatOfFashionMnistsPixelMoments() {
        ScoreModel base = PixelGaussian.score(FashionMnistImages.standard(), 1, FashionMnist.TRAIN_SIZE);
        assertThat(base.eventShape()).isEqualTo(new Shape(1, 28, 28));
        NoiseLevel level = new NoiseLevel(100, 0.9, Math.sqrt(1 - 0.81));
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.full(new Shape(1, 1, 28, 28), 0.25f).toType(DataType.FLOAT64, false);
            double[] s = base.predict(x, level).toDoubleArray();
            assertThat(s[14 * 28 + 14]).isCloseTo(-(0.25 - 0.9 * 0.091452549019616) / (0.81 * 0.38341520764584774 + 0.19), within(1e-6));
            assertThat(s[0]).as("the corner's variance 5.3e-7 is floored").isCloseTo(-(0.25 - 0.9 * -0.9999937254901959)
                    / (0.81 * ShapeStatistics.VARIANCE_FLOOR + 0.19), within(1e-5));
        }
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> PixelGaussian.score(FashionMnistImages.standard(), 1, 0)).hasMessageContaining("count");
        assertThatThrownBy(() -> PixelGaussian.score(null, 1, 10)).hasMessageContaining("data");
    }
}
