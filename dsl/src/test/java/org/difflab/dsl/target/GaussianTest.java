package org.difflab.dsl.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.MultivariateNormalDistribution;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;
import org.difflab.dsl.testing.ManagerPerTestClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GaussianTest {
    @RegisterExtension
    static final ManagerPerTestClass MANAGER = new ManagerPerTestClass();

    /** (alpha, sigma) pairs: clean data, VP-like levels, and an EDM level with sigma > 1. */
    static final List<NoiseLevel> LEVELS = List.of(new NoiseLevel(0, 1, 0), new NoiseLevel(0.3, 0.8, 0.6),
            new NoiseLevel(0.9, 0.3, Math.sqrt(1 - 0.09)), new NoiseLevel(2, 1, 2));

    static double[][] rows(NDArray a) {
        double[] v = a.toType(DataType.FLOAT64, false).toDoubleArray();
        int d = (int) a.getShape().get(1);
        double[][] out = new double[v.length / d][d];
        for (int i = 0; i < out.length; i++) {
            System.arraycopy(v, i * d, out[i], 0, d);
        }
        return out;
    }

    static double[][] randomPoints(int n, int d, double scale, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                row[j] = scale * (2 * r.nextDouble() - 1);
            }
        }
        return x;
    }

    /**
     * Asserts that target.score equals the central finite-difference gradient of target.logDensity at each
     * point, in float64 (the score is what every sampler integrates, the density is its ground truth).
     */
    static void assertScoreIsGradientOfLogDensity(NDManager m, Target target, double[][] x, NoiseLevel level, double tol) {
        int n = x.length;
        int d = x[0].length;
        double h = 1e-5;
        double[][] shifted = new double[2 * n * d][];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double[] plus = x[i].clone();
                double[] minus = x[i].clone();
                plus[j] += h;
                minus[j] -= h;
                shifted[2 * (i * d + j)] = plus;
                shifted[2 * (i * d + j) + 1] = minus;
            }
        }
        double[] lp = target.logDensity(m.create(shifted), level).toDoubleArray();
        double[][] score = rows(target.score(m.create(x), level));
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                double fd = (lp[2 * (i * d + j)] - lp[2 * (i * d + j) + 1]) / (2 * h);
                assertThat(score[i][j]).as("%s at %s, point %d coordinate %d", target, level, i, j)
                        .isCloseTo(fd, within(tol * (1 + Math.abs(fd))));
            }
        }
    }

    private static List<Gaussian> gaussians() {
        return List.of(Targets.rotatedGaussian(3, 0.5, 0.3, 10, 7),
                Gaussian.diagonal(new double[] {1, -2, 0.5}, new double[] {0.1, 0.5, 2}),
                Targets.gaussian(3, -1, 0.05));
    }

    // The exact score -Sigma_t^-1 (x - alpha m) is the gradient of the exact log density, full and diagonal.
    @Test
    void scoreIsTheGradientOfLogDensity() {
        double[][] x = randomPoints(5, 3, 2, 11);
        for (Gaussian g : gaussians()) {
            for (NoiseLevel level : LEVELS) {
                assertScoreIsGradientOfLogDensity(MANAGER.get(), g, x, level, 1e-6);
            }
        }
    }

    // The noised marginal is N(alpha m, alpha^2 Sigma + sigma^2 I): compare with Commons Math's density.
    @Test
    void logDensityIsTheNoisedMultivariateNormal() {
        double[][] x = randomPoints(6, 3, 2, 12);
        for (Gaussian g : gaussians()) {
            for (NoiseLevel level : LEVELS) {
                double a = level.alpha();
                double s = level.sigma();
                double[] mean = g.mean();
                double[][] cov = g.covariance();
                for (int i = 0; i < 3; i++) {
                    mean[i] *= a;
                    for (int j = 0; j < 3; j++) {
                        cov[i][j] = a * a * cov[i][j] + (i == j ? s * s : 0);
                    }
                }
                MultivariateNormalDistribution ref = new MultivariateNormalDistribution(mean, cov);
                double[] lp = g.logDensity(MANAGER.get().create(x), level).toDoubleArray();
                for (int i = 0; i < x.length; i++) {
                    double expected = Math.log(ref.density(x[i]));
                    assertThat(lp[i]).as("%s at %s", g, level).isCloseTo(expected, within(1e-10 * (1 + Math.abs(expected))));
                }
            }
        }
    }

    // rotatedGaussian: covariance eigenvalues var .. var*spread (log-spaced), symmetric, not axis aligned.
    /**
     * A constant that is one number in every coordinate (isotropic, d = 1) is applied as that number, not as a tensor of
     * constants: the score and log density have the bits of the tensor path (one level per row, the same level in
     * each), in both types, inside a run's numbers and outside; a diagonal target with unequal variances (the tensor
     * path both ways) is the control.
     */
    @Test
    void oneNumberConstantsGiveTheBitsOfTheTensorPath() {
        NDManager m = MANAGER.get();
        List<Gaussian> targets = List.of(Gaussian.isotropic(1, 1.3, 0.05), Gaussian.isotropic(3, -0.7, 2.5), Gaussian.isotropic(2, 0, 0.3),
                Gaussian.diagonal(new double[] {1, 1, 1}, new double[] {0.5, 0.05, 3}));
        for (Gaussian target : targets) {
            for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
                NDArray x = m.create(randomPoints(6, target.dim(), 4, 11)).toType(type, false);
                for (NoiseLevel level : LEVELS) {
                    NoiseLevel[] perRow = Collections.nCopies(6, level).toArray(NoiseLevel[]::new);
                    for (boolean session : new boolean[] {false, true}) {
                        try (Scalars.Session numbers = session ? Scalars.open() : null) {
                            String what = target + " " + type + " " + level + (session ? " in a run" : " outside a run");
                            assertThat(target.score(x, level).toType(DataType.FLOAT64, false).toDoubleArray()).as(what)
                                    .containsExactly(target.score(x, perRow).toType(DataType.FLOAT64, false).toDoubleArray());
                            NoiseLevel[] one = {level};
                            assertThat(target.logDensityOfCentred(target.centredEigen(x, one), one).toType(DataType.FLOAT64, false).toDoubleArray())
                                    .as(what).containsExactly(target.logDensityOfCentred(target.centredEigen(x, perRow), perRow)
                                            .toType(DataType.FLOAT64, false).toDoubleArray());
                        }
                    }
                }
            }
        }
    }

    @Test
    void rotatedGaussianHasTheRequestedSpectrum() {
        Gaussian g = Targets.rotatedGaussian(4, 0.5, 0.3, 8, 3);
        assertThat(g.diagonal()).isFalse();
        double[] ev = g.eigenvalues().clone();
        java.util.Arrays.sort(ev);
        for (int k = 0; k < 4; k++) {
            assertThat(ev[k]).isCloseTo(0.3 * Math.pow(8, k / 3.0), within(1e-12));
        }
        double[][] c = g.covariance();
        assertThat(Math.abs(c[0][1]) + Math.abs(c[1][2]) + Math.abs(c[0][3])).isGreaterThan(1e-3);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                assertThat(c[i][j]).isCloseTo(c[j][i], within(1e-14));
            }
        }
        assertThat(g.mean()).containsOnly(0.5);
    }

    // Every documented target spec parses to a target with the documented dimension, and spec() rebuilds it.
    @Test
    void everyDocumentedSpecParsesAndRoundTrips() {
        Map<String, String> specs = Targets.specs();
        assertThat(specs).hasSize(6);
        int[] dims = {2, 3, 8, 2, 2, 4};
        int i = 0;
        for (String text : specs.keySet()) {
            Target t = Targets.parse(text);
            assertThat(t.dim()).as(text).isEqualTo(dims[i++]);
            Target again = Targets.parse(t.spec());
            assertThat(again.spec()).as(text).isEqualTo(t.spec());
            assertThat(again.mean()).containsExactly(t.mean());
            double[][] c = t.covariance();
            double[][] c2 = again.covariance();
            for (int r = 0; r < c.length; r++) {
                assertThat(c2[r]).containsExactly(c[r]);
            }
        }
        Gaussian diag = (Gaussian) Targets.parse("gaussian:d=3,mean=0,diag=0.1;0.5;2");
        assertThat(diag.eigenvalues()).containsExactly(0.1, 0.5, 2);
        assertThat(((GaussianMixture) Targets.parse("gmm:preset=ring8,radius=2,var=0.01")).components()).hasSize(8);
        assertThat(((GaussianMixture) Targets.parse("gmm:preset=grid9,var=0.02")).components()).hasSize(9);
    }
}
