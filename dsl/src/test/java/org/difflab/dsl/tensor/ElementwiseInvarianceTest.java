package org.difflab.dsl.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.difflab.dsl.testing.ManagerPerTestClass;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What {@link RowReductions} and the samplers' step arithmetic rely on: the element-wise operations they use give an
 * element the same bits wherever it sits, in a tensor of 100,003 entries (split between 2 threads, with a vector tail)
 * or in short tensors at other positions (alone, inside the vector body, in the scalar tail). A kernel whose vector and
 * scalar paths round differently (PyTorch 2.7.1's {@code pow(-1)} on AVX2, found by this comparison) fails it, so
 * such operations stay out of sampling code. Run under {@code ATEN_CPU_CAPABILITY=avx2} and {@code =default} too.
 */
@Tag("kernel-invariance")
class ElementwiseInvarianceTest {
    private static final int LONG = 100_003;
    /** (offset, length) of the short tensors that hold an element: alone, vector body, scalar tail, longer tails. */
    private static final int[][] WINDOWS = {{0, 1}, {0, 7}, {3, 7}, {0, 33}, {31, 33}, {5, 70}, {64, 70}};

    @RegisterExtension
    static final ManagerPerTestClass MANAGER = new ManagerPerTestClass();

    /** The element-wise operations of DiffLab's sampling code, on inputs where they are defined. */
    private static Map<String, UnaryOperator<NDArray>> operations() {
        Map<String, UnaryOperator<NDArray>> m = new LinkedHashMap<>();
        m.put("add", x -> x.add(x.mul(0.75)));
        m.put("sub scalar", x -> x.sub(0.3));
        m.put("mul scalar", x -> x.mul(1.37));
        m.put("div", x -> x.div(x.abs().add(0.5)));
        m.put("div scalar", x -> x.div(1.7));
        m.put("maximum scalar", x -> x.maximum(0.25));
        m.put("sqrt", x -> x.abs().sqrt());
        m.put("exp", NDArray::exp);
        m.put("log", x -> x.abs().add(1e-3).log());
        m.put("sin", NDArray::sin);
        m.put("cos", NDArray::cos);
        m.put("toType float64", x -> x.toType(DataType.FLOAT64, false));
        return m;
    }

    @TestFactory
    Stream<DynamicTest> anElementGetsTheSameBitsWhereverItSits() {
        List<DynamicTest> tests = new ArrayList<>();
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            NDArray x = input(type);
            operations().forEach((name, op) -> tests.add(DynamicTest.dynamicTest(name + ", " + type,
                    () -> assertThat(differing(op, x)).as("elements whose bits depend on their position").isEmpty())));
        }
        return tests.stream();
    }

    /** The comparison catches an operation whose result depends on the tensor's length. */
    @Test
    void aLengthDependentOperationIsCaught() {
        assertThat(differing(x -> x.add(x.size() % 2 == 0 ? 1e-3 : 0), input(DataType.FLOAT32))).isNotEmpty();
    }

    /** Elements of the long tensor whose result there (1 and 2 threads) differs from their result in a short window. */
    private static List<String> differing(UnaryOperator<NDArray> op, NDArray x) {
        List<String> out = new ArrayList<>();
        for (int threads : new int[] {1, 2}) {
            double[] whole = IntraOpThreads.with(threads, () -> values(op.apply(x)));
            for (int start : new int[] {0, 16, 32_768, 50_001, LONG - 70}) {
                for (int[] w : WINDOWS) {
                    int from = start - w[0] < 0 || start - w[0] + w[1] > LONG ? start : start - w[0];
                    double[] part = values(op.apply(x.get(new NDIndex("{}:{}", from, from + w[1]))));
                    for (int i = 0; i < part.length; i++) {
                        if (Double.doubleToRawLongBits(part[i]) != Double.doubleToRawLongBits(whole[from + i])) {
                            out.add("element " + (from + i) + " in [" + from + ", " + (from + w[1]) + ") vs the whole with " + threads + " thread(s)");
                        }
                    }
                }
            }
        }
        return out;
    }

    private static double[] values(NDArray y) {
        return y.toType(DataType.FLOAT64, false).toDoubleArray();
    }

    private static NDArray input(DataType type) {
        Random random = new Random(5);
        double[] v = new double[LONG];
        for (int i = 0; i < LONG; i++) {
            v[i] = 4 * random.nextGaussian() * Math.exp(random.nextGaussian());
        }
        return MANAGER.get().create(v).toType(type, false);
    }
}
