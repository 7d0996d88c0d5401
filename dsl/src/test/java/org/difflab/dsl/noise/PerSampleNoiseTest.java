package org.difflab.dsl.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.apache.commons.rng.core.source64.XoRoShiRo128PlusPlus;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.difflab.dsl.testing.ManagerPerTestClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PerSampleNoiseTest {
    @RegisterExtension
    static final ManagerPerTestClass MANAGER = new ManagerPerTestClass();
    private static final Shape EVENT = new Shape(3);

    private static double[] row(double[] all, int i, int per) {
        double[] r = new double[per];
        System.arraycopy(all, i * per, r, 0, per);
        return r;
    }

    // Batch invariance: sample i's numbers do not depend on the batch it is drawn in or its position,
    // over several successive draws (the basis of bit-for-bit reproducibility).
    @Test
    void sampleRowsDoNotDependOnTheBatch() {
        PerSampleNoise src = new PerSampleNoise(42);
        assertThat(src.batchInvariant()).isTrue();
        NoiseStream whole = src.open(0, 64);
        double[][] draws = new double[3][];
        for (int k = 0; k < 3; k++) {
            draws[k] = whole.normal(MANAGER.get(), EVENT, DataType.FLOAT64).toDoubleArray();
        }
        for (int i : new int[] {0, 1, 17, 63}) {
            NoiseStream single = src.open(i, 1);
            for (int k = 0; k < 3; k++) {
                assertThat(single.normal(MANAGER.get(), EVENT, DataType.FLOAT64).toDoubleArray())
                        .as("sample %d draw %d", i, k).containsExactly(row(draws[k], i, 3));
            }
        }
        NoiseStream middle = src.open(20, 10);
        for (int k = 0; k < 3; k++) {
            double[] m = middle.normal(MANAGER.get(), EVENT, DataType.FLOAT64, 0.7, 0.6).toDoubleArray();
            for (int i = 0; i < 10; i++) {
                assertThat(row(m, i, 3)).containsExactly(row(draws[k], 20 + i, 3));
            }
        }
        // float32 is the rounding of the same numbers
        float[] f = src.open(0, 64).normal(MANAGER.get(), EVENT, DataType.FLOAT32).toFloatArray();
        for (int j = 0; j < f.length; j++) {
            assertThat(f[j]).isEqualTo((float) draws[0][j]);
        }
        // another seed gives other numbers
        assertThat(new PerSampleNoise(43).open(0, 64).normal(MANAGER.get(), EVENT, DataType.FLOAT64).toDoubleArray())
                .isNotEqualTo(draws[0]);
    }

    // Each row is its own generator's ziggurat sequence (XoRoShiRo128++ seeded from (seed, row)), whichever type and event
    // size each draw asks for: rows are drawn four at a time, and a batch of 7 has a remainder of three; a returned tensor
    // keeps its numbers when the stream draws again (the stream reuses its arrays).
    @Test
    void rowsAreTheirGeneratorsZigguratSequences() {
        long seed = 11;
        int rows = 7;
        NoiseStream stream = new PerSampleNoise(seed).open(40, rows);
        ZigguratSampler.NormalizedGaussian[] reference = new ZigguratSampler.NormalizedGaussian[rows];
        for (int i = 0; i < rows; i++) {
            long index = 40 + i;
            reference[i] = ZigguratSampler.NormalizedGaussian.of(new XoRoShiRo128PlusPlus(new long[] {
                    SeedMixer.mix(seed, index, 1), SeedMixer.mix(index, seed, 18)}));
        }
        NDArray first = stream.normal(MANAGER.get(), new Shape(5), DataType.FLOAT32);
        float[] kept = first.toFloatArray();
        for (int[] draw : new int[][] {{5, 32}, {5, 64}, {3, 32}, {5, 32}}) {
            int per = draw[0];
            DataType type = draw[1] == 32 ? DataType.FLOAT32 : DataType.FLOAT64;
            NDArray drawn = stream.normal(MANAGER.get(), new Shape(per), type);
            double[] got = type == DataType.FLOAT32 ? toDoubles(drawn.toFloatArray()) : drawn.toDoubleArray();
            if (kept != null) { // the first draw (float32, event 5), checked once the stream has drawn again
                for (int i = 0; i < rows; i++) {
                    for (int j = 0; j < 5; j++) {
                        assertThat(kept[i * 5 + j]).as("first draw, row %d entry %d", i, j).isEqualTo((float) reference[i].sample());
                    }
                }
                assertThat(first.toFloatArray()).containsExactly(kept);
                kept = null;
            }
            for (int i = 0; i < rows; i++) {
                for (int j = 0; j < per; j++) {
                    double want = reference[i].sample();
                    assertThat(got[i * per + j]).as("%s event %d, row %d entry %d", type, per, i, j)
                            .isEqualTo(type == DataType.FLOAT32 ? (float) want : want);
                }
            }
        }
    }

    private static double[] toDoubles(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return d;
    }

    // Auxiliary uniforms come from a separate stream: drawing them never shifts the Gaussian draws.
    @Test
    void uniformDrawsDoNotShiftTheGaussianStream() {
        PerSampleNoise src = new PerSampleNoise(7);
        NoiseStream plain = src.open(5, 16);
        double[] a1 = plain.normal(MANAGER.get(), EVENT, DataType.FLOAT64).toDoubleArray();
        double[] a2 = plain.normal(MANAGER.get(), EVENT, DataType.FLOAT64).toDoubleArray();
        NoiseStream mixed = src.open(5, 16);
        double[] u = mixed.uniform();
        double[] b1 = mixed.normal(MANAGER.get(), EVENT, DataType.FLOAT64).toDoubleArray();
        mixed.uniform();
        mixed.uniformShared();
        double[] b2 = mixed.normal(MANAGER.get(), EVENT, DataType.FLOAT64).toDoubleArray();
        assertThat(b1).containsExactly(a1);
        assertThat(b2).containsExactly(a2);
        assertThat(u).hasSize(16);
        assertThat(java.util.Arrays.stream(u).allMatch(v -> v >= 0 && v < 1)).isTrue();
        // uniforms are per sample too, and the shared uniform is the same in every batch
        assertThat(src.open(12, 1).uniform()[0]).isEqualTo(u[7]);
        assertThat(src.open(0, 3).uniformShared()).isEqualTo(src.open(100, 5).uniformShared());
    }

    // Normal draws have mean 0 and variance 1 (within 5 standard errors over 10^6 draws); uniforms mean 1/2.
    @Test
    void normalMoments() {
        int rows = 1000;
        int per = 1000;
        NoiseStream s = new PerSampleNoise(2024).open(0, rows);
        double[] z = s.normal(MANAGER.get(), new Shape(per), DataType.FLOAT64).toDoubleArray();
        int n = z.length;
        double sum = 0;
        double sum2 = 0;
        double sum4 = 0;
        for (double v : z) {
            sum += v;
            sum2 += v * v;
            sum4 += v * v * v * v;
        }
        double mean = sum / n;
        double var = sum2 / n - mean * mean;
        assertThat(mean).isCloseTo(0, within(5 / Math.sqrt(n)));
        assertThat(var).isCloseTo(1, within(5 * Math.sqrt(2.0 / n)));
        assertThat(sum4 / n).isCloseTo(3, within(5 * Math.sqrt(96.0 / n))); // Gaussian kurtosis, Var(z^4) = 96
        double usum = 0;
        for (int k = 0; k < 100; k++) {
            for (double v : s.uniform()) {
                usum += v;
            }
        }
        assertThat(usum / (100 * rows)).isCloseTo(0.5, within(5 * Math.sqrt(1.0 / 12 / (100 * rows))));
    }
}
