package org.difflab.dsl.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link HostValues} gives the tensor DJL's {@code create} gives: the same type, shape and every value bit for bit. */
class HostValuesTest {

    @Test
    void holdsExactlyTheValuesInBothTypesAtEverySize() {
        SplittableRandom random = new SplittableRandom(3);
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Shape shape : new Shape[] {new Shape(1), new Shape(7, 3), new Shape(64, 2), new Shape(4, 3, 32, 32)}) {
                int n = (int) shape.size();
                double[] d = new double[n];
                float[] f = new float[n];
                for (int i = 0; i < n; i++) {
                    d[i] = random.nextGaussian() * Math.pow(10, random.nextInt(-30, 30));
                    f[i] = (float) d[i];
                }
                NDArray singles = HostValues.of(manager, f, shape);
                NDArray doubles = HostValues.of(manager, d, shape);
                assertThat(singles.getDataType()).isEqualTo(DataType.FLOAT32);
                assertThat(doubles.getDataType()).isEqualTo(DataType.FLOAT64);
                assertThat(singles.getShape()).isEqualTo(shape);
                assertThat(doubles.getShape()).isEqualTo(shape);
                assertThat(singles.toFloatArray()).as("float32 at " + shape).containsExactly(manager.create(f, shape).toFloatArray());
                assertThat(doubles.toDoubleArray()).as("float64 at " + shape).containsExactly(d);
            }
        }
    }

    /** Row indices as int64, the full range of values included. */
    @Test
    void holdsIndicesAsInt64() {
        try (NDManager manager = NDManager.newBaseManager()) {
            long[] values = {0, 5, 3, -1, Long.MAX_VALUE, Long.MIN_VALUE};
            NDArray indices = HostValues.of(manager, values, new Shape(3, 2));
            assertThat(indices.getDataType()).isEqualTo(DataType.INT64);
            assertThat(indices.getShape()).isEqualTo(new Shape(3, 2));
            assertThat(indices.toLongArray()).containsExactly(values);
        }
    }

    /** Each call makes its own tensor: writing the next values does not change an earlier one (no shared staging). */
    @Test
    void everyCallMakesItsOwnTensor() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray first = HostValues.of(manager, new float[] {1, 2, 3}, new Shape(3));
            NDArray second = HostValues.of(manager, new float[] {4, 5, 6}, new Shape(3));
            assertThat(first.toFloatArray()).containsExactly(1, 2, 3);
            assertThat(second.toFloatArray()).containsExactly(4, 5, 6);
        }
    }
}
