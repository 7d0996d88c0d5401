package org.difflab.dsl.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.difflab.dsl.testing.ManagerPerTestClass;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The construction behind batch-invariant sampling, tested directly: for every {@link RowReductions} helper, a row's
 * result inside batches of 1, 7, 64 and 1000 rows, at several positions, with 1 and 2 intra-op threads, is the same
 * bits as the row's result alone, for row lengths 1 to 768 (2 threads split an operation only above 32,768 entries,
 * which the longest rows reach), in float32 and float64. Tagged so that the module's pom also runs it under
 * {@code ATEN_CPU_CAPABILITY=avx2} and {@code =default} (PyTorch's CPU kernels chosen by that variable).
 */
@Tag("kernel-invariance")
class RowReductionsTest {
    private static final int ROWS = 1000;
    private static final int[] LENGTHS = {1, 2, 3, 5, 8, 17, 64, 768};
    private static final int[] BATCHES = {1, 7, 64, 1000};
    /** Rows compared with their result alone: batch edges, the middle, the end. */
    private static final int[] PROBES = {0, 1, 6, 7, 63, 64, 500, 993, 999};
    private static final int OUTPUTS = 5;

    @RegisterExtension
    static final ManagerPerTestClass MANAGER = new ManagerPerTestClass();

    @BeforeAll
    static void reportKernelAndThreads() {
        System.out.println("ATEN_CPU_CAPABILITY=" + System.getenv("ATEN_CPU_CAPABILITY") + ", intra-op threads " + IntraOpThreads.current());
    }

    /** The helpers, each as a map from rows [B, n] to a tensor whose first axis is the rows. */
    private static Map<String, Function<NDArray, NDArray>> helpers(NDArray weights) {
        Map<String, Function<NDArray, NDArray>> m = new LinkedHashMap<>();
        m.put("sum", RowReductions::sum);
        m.put("sumOfSquares", RowReductions::sumOfSquares);
        m.put("norm", RowReductions::norm);
        m.put("sumsOfSquares", x -> x.getManager().create(RowReductions.sumsOfSquares(x)));
        m.put("max", RowReductions::max);
        m.put("logSumExp", RowReductions::logSumExp);
        m.put("softmax", RowReductions::softmax);
        m.put("matMul", x -> RowReductions.matMul(x, weights.toType(x.getDataType(), false)));
        return m;
    }

    @TestFactory
    Stream<DynamicTest> aRowGivesTheSameBitsInEveryBatch() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            for (int n : LENGTHS) {
                NDArray data = data(n, type);
                NDArray weights = MANAGER.get().create(values(n * OUTPUTS, 1, 77)).reshape(n, OUTPUTS);
                helpers(weights).forEach((name, f) -> tests.add(DynamicTest.dynamicTest(name + ", " + type + ", n = " + n, () -> {
                    List<String> differing = differingRows(f, data);
                    assertThat(differing).as("rows whose bits depend on the batch").isEmpty();
                })));
            }
        }
        return tests.stream();
    }

    /** The comparison catches a reduction whose order depends on the batch (reversed for even batch sizes). */
    @Test
    void aBatchShapedReductionIsCaught() {
        Function<NDArray, NDArray> batchShaped = x -> x.getShape().get(0) % 2 == 0 ? RowReductions.sum(x.flip(1)) : RowReductions.sum(x);
        assertThat(differingRows(batchShaped, data(17, DataType.FLOAT32))).isNotEmpty();
    }

    /** The values are the reductions they name: against float64 sums in Java, to float32 accuracy. */
    @Test
    void valuesAgreeWithJava() {
        int n = 17;
        NDArray data = data(n, DataType.FLOAT64).get("0:5");
        double[] x = data.toDoubleArray();
        double[] w = values(n * OUTPUTS, 1, 77);
        NDArray weights = MANAGER.get().create(w).reshape(n, OUTPUTS);
        double[] sum = RowReductions.sum(data).toDoubleArray();
        double[] squares = RowReductions.sumsOfSquares(data);
        double[] max = RowReductions.max(data).toDoubleArray();
        double[] lse = RowReductions.logSumExp(data).toDoubleArray();
        double[] soft = RowReductions.softmax(data).toDoubleArray();
        double[] product = RowReductions.matMul(data, weights).toDoubleArray();
        double[] norm = RowReductions.norm(data).toDoubleArray();
        for (int r = 0; r < 5; r++) {
            double s = 0;
            double q = 0;
            double m = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                double v = x[r * n + i];
                s += v;
                q += v * v;
                m = Math.max(m, v);
            }
            double e = 0;
            for (int i = 0; i < n; i++) {
                e += Math.exp(x[r * n + i] - m);
            }
            assertThat(sum[r]).isCloseTo(s, within(1e-9 * (1 + Math.abs(s))));
            assertThat(squares[r]).isCloseTo(q, within(1e-9 * q));
            assertThat(norm[r]).isCloseTo(Math.sqrt(q), within(1e-9 * Math.sqrt(q)));
            assertThat(max[r]).isEqualTo(m);
            assertThat(lse[r]).isCloseTo(m + Math.log(e), within(1e-9));
            for (int i = 0; i < n; i++) {
                assertThat(soft[r * n + i]).isCloseTo(Math.exp(x[r * n + i] - m) / e, within(1e-12));
            }
            for (int j = 0; j < OUTPUTS; j++) {
                double p = 0;
                for (int i = 0; i < n; i++) {
                    p += x[r * n + i] * w[i * OUTPUTS + j];
                }
                assertThat(product[r * OUTPUTS + j]).isCloseTo(p, within(1e-9 * (1 + Math.abs(p))));
            }
        }
        assertThat(RowReductions.norm(MANAGER.get().zeros(new Shape(3, 2, 4))).getShape()).isEqualTo(new Shape(3, 1, 1));
        assertThat(RowReductions.sum(MANAGER.get().ones(new Shape(3, 2, 4))).toFloatArray()).containsExactly(8, 8, 8);
        NDArray kept = RowReductions.sumKeepingAxis(data.reshape(5, 1, n), -1);
        assertThat(kept.getShape()).isEqualTo(new Shape(5, 1, 1));
        assertThat(kept.toDoubleArray()).containsExactly(sum);
    }

    /**
     * Entries whose shifted exp underflows (far mixture components at small noise) are raised to the smallest normal
     * argument before exp: in a row [m, m + y] the log-sum-exp stays exactly m and the weights [1, below 1.7e-38 /
     * 3.3e-308] for every underflowing y, as the plain formula gives them (1 plus a subnormal is 1); entries that do not
     * underflow keep their value (raising the floor to -20 fails the y = -30 row); a NaN stays NaN.
     */
    @Test
    void underflowingEntriesKeepTheirBits() {
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            double smallestNormal = type == DataType.FLOAT64 ? Double.MIN_NORMAL : Float.MIN_NORMAL;
            double[] underflowing = type == DataType.FLOAT64 ? new double[] {-709, -720, -745, -800, -1e4, Double.NEGATIVE_INFINITY}
                    : new double[] {-87.5, -95, -103, -104, -200, -1e4, Double.NEGATIVE_INFINITY};
            for (double m : new double[] {0, 2.5, -40}) {
                for (double y : underflowing) {
                    NDArray row = MANAGER.get().create(new double[] {m, m + y}).toType(type, false).reshape(1, 2);
                    double top = row.get("0, 0").toType(DataType.FLOAT64, false).getDouble();
                    assertThat(doubles(RowReductions.logSumExp(row))).as("%s log-sum-exp of [%s, %s + %s]", type, m, m, y).containsExactly(top);
                    double[] weights = doubles(RowReductions.softmax(row));
                    assertThat(weights[0]).as("%s top weight, y = %s", type, y).isEqualTo(1);
                    assertThat(weights[1]).as("%s far weight, y = %s", type, y).isBetween(0.0, smallestNormal * 1.5);
                }
            }
            NDArray near = MANAGER.get().create(new double[] {0, -30}).toType(type, false).reshape(1, 2);
            assertThat(doubles(RowReductions.softmax(near))[1]).as("%s weight at -30", type).isCloseTo(Math.exp(-30) / (1 + Math.exp(-30)),
                    within(1e-6 * Math.exp(-30)));
            NDArray withNaN = MANAGER.get().create(new double[] {0, Double.NaN, -900}).toType(type, false).reshape(1, 3);
            assertThat(doubles(RowReductions.softmax(withNaN))).as("%s softmax with a NaN", type).contains(Double.NaN);
            assertThat(doubles(RowReductions.logSumExp(withNaN))).as("%s log-sum-exp with a NaN", type).containsExactly(Double.NaN);
        }
    }

    private static double[] doubles(NDArray x) {
        return x.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    @Test
    void badShapesAreNamed() {
        assertThatThrownBy(() -> RowReductions.matMul(MANAGER.get().ones(new Shape(3, 4)), MANAGER.get().ones(new Shape(5, 2))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(3, 4)").hasMessageContaining("(5, 2)");
        assertThatThrownBy(() -> RowReductions.sum(MANAGER.get().ones(new Shape(3, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one");
    }

    /**
     * The probe rows whose result inside some batch (every batch size, at offsets 0, 333 and the end, 1 and 2 threads)
     * differs from their result alone (1 thread), named with the batch.
     */
    static List<String> differingRows(Function<NDArray, NDArray> f, NDArray data) {
        List<String> differing = new ArrayList<>();
        Map<Integer, double[]> alone = new LinkedHashMap<>();
        IntraOpThreads.with(1, () -> {
            for (int r : PROBES) {
                alone.put(r, bits(f.apply(data.get(new NDIndex("{}:{}", r, r + 1))), 0, 1));
            }
            return null;
        });
        for (int threads : new int[] {1, 2}) {
            IntraOpThreads.with(threads, () -> {
                for (int b : BATCHES) {
                    for (int offset : new int[] {0, Math.min(333, ROWS - b), ROWS - b}) {
                        NDArray out = f.apply(data.get(new NDIndex("{}:{}", offset, offset + b)));
                        for (int r : PROBES) {
                            if (r >= offset && r < offset + b && !Arrays.equals(bits(out, r - offset, b), alone.get(r))) {
                                differing.add("row " + r + " in batch [" + offset + ", " + (offset + b) + "), " + threads + " thread(s)");
                            }
                        }
                    }
                }
                return null;
            });
        }
        return differing;
    }

    /** Row r of a result whose first axis has b rows, as float64 values (exact for float32). */
    private static double[] bits(NDArray out, int r, int b) {
        double[] all = out.toType(DataType.FLOAT64, false).toDoubleArray();
        int per = all.length / b;
        return Arrays.copyOfRange(all, r * per, (r + 1) * per);
    }

    /** ROWS rows of n entries of mixed sign and magnitude (so that the order of additions shows in the last bits). */
    private static NDArray data(int n, DataType type) {
        return MANAGER.get().create(values(ROWS * n, 3, 11)).reshape(ROWS, n).toType(type, false);
    }

    private static double[] values(int count, double scale, long seed) {
        Random random = new Random(seed);
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = scale * random.nextGaussian() * Math.exp(2 * random.nextGaussian());
        }
        return v;
    }
}
