package org.difflab.dsl.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.noise.PerSampleNoise;
import org.difflab.dsl.tensor.Scalars;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.testing.ManagerPerTestClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GaussianMixtureTest {
    @RegisterExtension
    static final ManagerPerTestClass MANAGER = new ManagerPerTestClass();

    // The mixture score sum_k r_k score_k is the gradient of the log of the mixture density.
    @Test
    void scoreIsTheGradientOfLogDensity() {
        List<Target> targets = List.of(Targets.ring(8, 2, 0.05), Targets.randomMixture(3, 4, 1.5, 0.2, 5),
                new GaussianMixture(List.of(Targets.rotatedGaussian(3, 1, 0.2, 5, 1), Targets.gaussian(3, -1, 0.5)),
                        new double[] {1, 3}, "two"));
        for (Target t : targets) {
            double[][] x = GaussianTest.randomPoints(6, t.dim(), 2.5, 21);
            for (NoiseLevel level : GaussianTest.LEVELS) {
                GaussianTest.assertScoreIsGradientOfLogDensity(MANAGER.get(), t, x, level, 1e-5);
            }
        }
    }

    // Mean sum w_k m_k and covariance sum w_k (Sigma_k + (m_k - m)(m_k - m)^T) agree with the moments of exact
    // samples (n = 200000) within 5 standard errors; this checks sample() and the formulas against each other.
    @Test
    void meanAndCovarianceMatchMonteCarlo() {
        int n = 200_000;
        for (Target t : List.<Target>of(Targets.ring(8, 2, 0.05), Targets.randomMixture(3, 3, 1.5, 0.2, 9))) {
            NoiseStream noise = new PerSampleNoise(123).open(0, n);
            double[][] x = GaussianTest.rows(t.sample(MANAGER.get(), noise, DataType.FLOAT64));
            assertThat(x).hasNumberOfRows(n);
            int d = t.dim();
            double[] m = t.mean();
            double[][] c = t.covariance();
            double[] mc = new double[d];
            for (double[] row : x) {
                for (int i = 0; i < d; i++) {
                    mc[i] += row[i] / n;
                }
            }
            for (int i = 0; i < d; i++) {
                double se = Math.sqrt(c[i][i] / n);
                assertThat(mc[i]).as("%s mean[%d]", t, i).isCloseTo(m[i], within(5 * se));
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    // products about the true mean; their sample standard deviation gives the standard error
                    double s1 = 0;
                    double s2 = 0;
                    for (double[] row : x) {
                        double p = (row[i] - m[i]) * (row[j] - m[j]);
                        s1 += p;
                        s2 += p * p;
                    }
                    double mean = s1 / n;
                    double se = Math.sqrt((s2 / n - mean * mean) / n);
                    assertThat(mean).as("%s cov[%d][%d]", t, i, j).isCloseTo(c[i][j], within(5 * se));
                }
            }
        }
    }

    // Weights are normalised, and the ring's moments are the closed form: mean 0, covariance (r^2/2 + var) I.
    @Test
    void ringMomentsInClosedForm() {
        GaussianMixture ring = Targets.ring(8, 2, 0.05);
        assertThat(ring.weights()).containsOnly(0.125);
        assertThat(ring.mean()[0]).isCloseTo(0, within(1e-15));
        assertThat(ring.mean()[1]).isCloseTo(0, within(1e-15));
        double[][] c = ring.covariance();
        assertThat(c[0][0]).isCloseTo(2 + 0.05, within(1e-14));
        assertThat(c[1][1]).isCloseTo(2 + 0.05, within(1e-14));
        assertThat(c[0][1]).isCloseTo(0, within(1e-14));
    }

    // A mixture of diagonal components at one level takes the stacked path, at one level per row the per-component
    // path: both give the same bits, in float32 and float64, from far tails (where most responsibilities underflow) to
    // large noise, for the ring, random isotropic mixtures and components with unequal diagonal variances; the stacked
    // path for the first 1, 33 and all 300 rows (its sum over the components is the engine's: its order must not depend
    // on the batch), outside a run and inside one (constants staged by Scalars).
    @Test
    void stackedScoreHasThePerComponentBits() {
        GaussianMixture unequal = new GaussianMixture(List.of(Gaussian.diagonal(new double[] {1, -2, 0.5}, new double[] {0.3, 0.01, 2}),
                Gaussian.diagonal(new double[] {-1, 0, 3}, new double[] {1e-3, 0.5, 0.2}), Targets.gaussian(3, 0.2, 0.7)),
                new double[] {0.2, 1, 3}, "unequal");
        for (GaussianMixture t : List.of(Targets.ring(8, 2, 0.01), Targets.randomMixture(5, 7, 1.5, 0.05, 3), unequal)) {
            double[][] x = GaussianTest.randomPoints(300, t.dim(), 3, 5);
            for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
                for (NoiseLevel level : List.of(new NoiseLevel(0.01, 0.9999, 0.014), new NoiseLevel(0.5, 0.7, 0.7),
                        GaussianTest.LEVELS.get(GaussianTest.LEVELS.size() - 1))) {
                    try (NDManager m = MANAGER.get().newSubManager()) {
                        ai.djl.ndarray.NDArray in = m.create(x).toType(type, false);
                        NoiseLevel[] perRow = new NoiseLevel[x.length];
                        java.util.Arrays.fill(perRow, level);
                        double[] perComponent = t.score(in, perRow).toType(DataType.FLOAT64, false).toDoubleArray();
                        for (int rows : new int[] {1, 33, 300}) {
                            for (boolean inRun : new boolean[] {false, true}) {
                                double[] stacked = stackedScore(t, in.get("0:" + rows), level, inRun);
                                assertThat(stacked).as("%s %s %s, %d rows, in a run: %s", t, type, level, rows, inRun)
                                        .containsExactly(java.util.Arrays.copyOf(perComponent, rows * t.dim()));
                            }
                        }
                    }
                }
            }
        }
    }

    private static double[] stackedScore(GaussianMixture t, ai.djl.ndarray.NDArray x, NoiseLevel level, boolean inRun) {
        if (!inRun) {
            return t.score(x, level).toType(DataType.FLOAT64, false).toDoubleArray();
        }
        try (Scalars.Session run = Scalars.open()) {
            return t.score(x, level).toType(DataType.FLOAT64, false).toDoubleArray();
        }
    }
}
