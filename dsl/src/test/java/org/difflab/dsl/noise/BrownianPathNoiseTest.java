package org.difflab.dsl.noise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.apache.commons.rng.core.source64.SplitMix64;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
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

    // The stream reuses its last descent of the tree; every answer must still be the tree's value, whatever was asked
    // before: times forward and backward in steps of several sizes, repeated, at nodes and at the ends, against a
    // descent from the root written out here, for two coordinates and three samples (bit for bit).
    @Test
    void answersAreTheTreesValuesWhateverWasAskedBefore() {
        long seed = 21;
        double span = 2;
        int depth = 12;
        long first = 5;
        int size = 3;
        NoiseStream s = new BrownianPathNoise(seed, span, depth).open(first, size);
        SplittableRandom random = new SplittableRandom(4);
        double t = span;
        for (int call = 0; call < 400; call++) {
            double next = switch (call % 5) {
                case 0 -> Math.max(0, t - span / 64 * random.nextDouble());
                case 1 -> Math.min(span, t + span / 2048 * random.nextDouble());
                case 2 -> span * random.nextInt(17) / 16;
                case 3 -> span * random.nextDouble();
                default -> Math.max(0, t - span / 1e5);
            };
            if (next == t) {
                continue;
            }
            double[] z = s.normal(MANAGER.get(), EVENT, DataType.FLOAT64, t, next).toDoubleArray();
            double scale = 1 / Math.sqrt(Math.abs(t - next));
            for (int i = 0; i < size; i++) {
                double[] from = treeValue(seed, span, depth, first + i, t);
                double[] to = treeValue(seed, span, depth, first + i, next);
                for (int j = 0; j < 2; j++) {
                    assertThat(z[i * 2 + j]).as("call %d, sample %d, coordinate %d", call, i, j).isEqualTo((from[j] - to[j]) * scale);
                }
            }
            t = next;
        }
    }

    /** W(t) of one sample in two coordinates by a descent from the root (node 0: W(span); node k's bridge midpoint). */
    private static double[] treeValue(long seed, double span, int depth, long sample, double t) {
        double[] wa = new double[2];
        double[] wb = nodeNormals(seed, sample, 0);
        for (int j = 0; j < 2; j++) {
            wb[j] *= Math.sqrt(span);
        }
        double a = 0;
        double b = span;
        long node = 1;
        for (int level = 0; level < depth; level++) {
            if (t <= a) {
                return wa;
            }
            if (t >= b) {
                return wb;
            }
            double m = 0.5 * (a + b);
            double[] z = nodeNormals(seed, sample, node);
            double[] wm = new double[2];
            for (int j = 0; j < 2; j++) {
                wm[j] = 0.5 * (wa[j] + wb[j]) + Math.sqrt((b - a) / 4) * z[j];
            }
            if (t < m) {
                b = m;
                wb = wm;
                node = 2 * node;
            } else {
                a = m;
                wa = wm;
                node = 2 * node + 1;
            }
        }
        double w = (t - a) / (b - a);
        return new double[] {(1 - w) * wa[0] + w * wb[0], (1 - w) * wa[1] + w * wb[1]};
    }

    private static double[] nodeNormals(long seed, long sample, long node) {
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(new SplitMix64(SeedMixer.mix(seed, sample, node)));
        return new double[] {g.sample(), g.sample()};
    }
}
