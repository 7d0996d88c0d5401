package org.difflab.dsl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.target.Gaussian;
import org.junit.jupiter.api.Test;

/** A flat model used on shaped samples predicts what it predicts on the flattened rows, in the samples' shape. */
class ShapedScoreTest {
    private static final Gaussian FLAT = Gaussian.diagonal(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
            new double[] {1, 1, 2, 2, 3, 3, 0.5, 0.5, 1, 1, 2, 2});

    @Test
    void predictsTheFlatPredictionInTheSamplesShape() {
        ShapedScore shaped = new ShapedScore(new ExactScore(FLAT), new Shape(3, 2, 2));
        assertThat(shaped.eventShape()).isEqualTo(new Shape(3, 2, 2));
        assertThat(shaped.parameterization()).isEqualTo(Parameterization.SCORE);
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.randomNormal(new Shape(5, 3, 2, 2), DataType.FLOAT64);
            NoiseLevel level = new NoiseLevel(0.3, 0.9, 0.4);
            NDArray out = shaped.predict(x, level);
            assertThat(out.getShape()).isEqualTo(new Shape(5, 3, 2, 2));
            double[] expected = new ExactScore(FLAT).predict(x.reshape(5, 12), level).toDoubleArray();
            assertThat(out.toDoubleArray()).containsExactly(expected);
            NoiseLevel[] rows = {level, level, new NoiseLevel(0.6, 0.7, 0.7), level, level};
            assertThat(shaped.predict(x, rows).toDoubleArray()).containsExactly(new ExactScore(FLAT).predict(x.reshape(5, 12), rows)
                    .toDoubleArray());
        }
        assertThat(shaped.describe()).endsWith("on events (3, 2, 2)");
    }

    @Test
    void refusesAShapeWithAnotherNumberOfElements() {
        assertThatThrownBy(() -> new ShapedScore(new ExactScore(FLAT), new Shape(3, 2, 3)))
                .hasMessageContaining("shape = (3, 2, 3) is not allowed").hasMessageContaining("12");
    }
}
