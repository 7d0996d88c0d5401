package org.difflab.dsl.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.difflab.dsl.testing.ManagerPerTestClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BrownianPathNoiseTest {
    @RegisterExtension
    static final ManagerPerTestClass MANAGER = new ManagerPerTestClass();
    private static final Shape EVENT = new Shape(2);

    /** The increment W(from) - W(to) per coordinate: normal() returns it divided by sqrt(|from - to|). */
    private static double[] increment(NoiseStream s, double from, double to) {
        double[] z = s.normal(MANAGER.get(), EVENT, DataType.FLOAT64, from, to).toDoubleArray();
        double scale = Math.sqrt(Math.abs(from - to));
        for (int i = 0; i < z.length; i++) {
            z[i] *= scale;
        }
        return z;
    }

    // One path: the increment over [0.25, 0.5] is the sum of the increments over its two halves, and over a
    // non-dyadic split too, so runs with different step counts see the same Brownian motion.
    @Test
    void incrementsAreAdditive() {
        NoiseStream s = new BrownianPathNoise(3, 1, 30).open(0, 16);
        double[] whole = increment(s, 0.5, 0.25);
        double[] a = increment(s, 0.5, 0.375);
        double[] b = increment(s, 0.375, 0.25);
        double[] c = increment(s, 0.5, 0.3);
        double[] d = increment(s, 0.3, 0.25);
        for (int i = 0; i < whole.length; i++) {
            assertThat(a[i] + b[i]).isCloseTo(whole[i], within(1e-12));
            assertThat(c[i] + d[i]).isCloseTo(whole[i], within(1e-12));
        }
        // asking twice gives the same numbers
        assertThat(increment(s, 0.5, 0.375)).containsExactly(a);
    }

    // Var(W(t) - W(u)) = |t - u| on dyadic, non-dyadic and whole-span intervals (normal() has unit variance),
    // within 5 standard errors over 2 x 4000 draws.
    @Test
    void incrementVarianceIsTheIntervalLength() {
        int n = 4000;
        NoiseStream s = new BrownianPathNoise(11, 2, 30).open(0, n);
        double[][] intervals = {{2, 0}, {2, 1}, {1, 0}, {0.5, 0.25}, {1.7, 0.3}, {0.61, 0.6}};
        for (double[] iv : intervals) {
            double[] z = s.normal(MANAGER.get(), EVENT, DataType.FLOAT64, iv[0], iv[1]).toDoubleArray();
            double sum = 0;
            double sum2 = 0;
            for (double v : z) {
                sum += v;
                sum2 += v * v;
            }
            int m = z.length;
            assertThat(sum / m).as("mean over %s..%s", iv[0], iv[1]).isCloseTo(0, within(5 / Math.sqrt(m)));
            assertThat(sum2 / m).as("variance over %s..%s", iv[0], iv[1]).isCloseTo(1, within(5 * Math.sqrt(2.0 / m)));
        }
    }

    // Increments over disjoint intervals are independent: their sample correlation is within 5 standard errors of 0.
    @Test
    void disjointIncrementsAreUncorrelated() {
        int n = 4000;
        NoiseStream s = new BrownianPathNoise(5, 1, 30).open(0, n);
        double[][][] pairs = {{{1, 0.5}, {0.5, 0}}, {{0.5, 0.25}, {0.25, 0}}, {{0.9, 0.45}, {0.45, 0.2}}, {{1, 0.75}, {0.3, 0.1}}};
        for (double[][] p : pairs) {
            double[] x = s.normal(MANAGER.get(), EVENT, DataType.FLOAT64, p[0][0], p[0][1]).toDoubleArray();
            double[] y = s.normal(MANAGER.get(), EVENT, DataType.FLOAT64, p[1][0], p[1][1]).toDoubleArray();
            double sxy = 0;
            for (int i = 0; i < x.length; i++) {
                sxy += x[i] * y[i];
            }
            // both have mean 0 and variance 1 (checked above), so sxy / m estimates the correlation
            assertThat(sxy / x.length).as("correlation of %s and %s", p[0][0] + ".." + p[0][1], p[1][0] + ".." + p[1][1])
                    .isCloseTo(0, within(5 / Math.sqrt(x.length)));
        }
    }

    // Batch invariance of the path and of the prior draws: sample i sees the same path in any batch.
    @Test
    void pathDoesNotDependOnTheBatch() {
        BrownianPathNoise src = new BrownianPathNoise(8, 1, 30);
        assertThat(src.batchInvariant()).isTrue();
        NoiseStream whole = src.open(0, 32);
        double[] inc = whole.normal(MANAGER.get(), EVENT, DataType.FLOAT64, 0.8, 0.35).toDoubleArray();
        double[] prior = whole.normal(MANAGER.get(), EVENT, DataType.FLOAT64).toDoubleArray();
        for (int i : new int[] {0, 9, 31}) {
            NoiseStream one = src.open(i, 1);
            assertThat(one.normal(MANAGER.get(), EVENT, DataType.FLOAT64, 0.8, 0.35).toDoubleArray())
                    .containsExactly(inc[2 * i], inc[2 * i + 1]);
            assertThat(one.normal(MANAGER.get(), EVENT, DataType.FLOAT64).toDoubleArray())
                    .containsExactly(prior[2 * i], prior[2 * i + 1]);
        }
    }
}
