package org.difflab.theory.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** FD against the numpy oracle (oracles/feature_distances.py), closed forms, its large-n limit and its bad input. */
class FrechetDistanceTest {
    private static final FrechetDistance FD = new FrechetDistance();

    private static double fd(double[][] x, double[][] y) {
        int[] cx = new int[x.length];
        int[] cy = new int[y.length];
        Arrays.fill(cx, 1);
        Arrays.fill(cy, 1);
        return FD.prepare(x, y).at(cx, cy);
    }

    @Test
    void fittedSetsMatchTheNumpyOracle() throws IOException {
        double[][] a = FeatureFixtures.oracleSet("a");
        double[][] b = FeatureFixtures.oracleSet("b");
        // printed by oracles/feature_distances.py (numpy eigh; its non-symmetric eigvals route agrees to 2e-15)
        assertEquals(6.284519860357696, fd(a, b), 1e-12);
        assertEquals(1.2365823869531383, fd(FeatureFixtures.rows(a, 0, 30), FeatureFixtures.rows(a, 30, 60)), 1e-12);
        assertEquals(fd(a, b), fd(b, a), 1e-12, "FD is symmetric");
    }

    @Test
    void closedFormMatchesTheNumpyOracle() {
        // printed by oracles/feature_distances.py: fd(N(mean_a, cov_a), N(mean_b, cov_b))
        assertEquals(4.431499648606721, FrechetDistance.between(FeatureFixtures.MEAN_A, FeatureFixtures.COV_A, FeatureFixtures.MEAN_B,
                FeatureFixtures.COV_B), 1e-12);
    }

    @Test
    void commutingCovariancesGiveTheDiagonalFormula() {
        double[][] s1 = {{4, 0, 0}, {0, 1, 0}, {0, 0, 0.25}};
        double[][] s2 = {{1, 0, 0}, {0, 9, 0}, {0, 0, 0.25}};
        // |m1 - m2|^2 + sum (sqrt(a) - sqrt(b))^2 = (1 + 4) + (1 + 4 + 0)
        assertEquals(10, FrechetDistance.between(new double[] {1, 0, 0}, s1, new double[] {0, 2, 0}, s2), 1e-13);
        assertEquals(0, FrechetDistance.between(new double[] {1, 2, 3}, s1, new double[] {1, 2, 3}, s1), 1e-14);
    }

    @Test
    void sampleDistanceApproachesTheClosedFormAsNGrows() {
        double truth = FrechetDistance.between(FeatureFixtures.MEAN_A, FeatureFixtures.COV_A, FeatureFixtures.MEAN_B, FeatureFixtures.COV_B);
        double small = fd(FeatureFixtures.gaussian(FeatureFixtures.MEAN_A, FeatureFixtures.COV_A, 200, 1),
                FeatureFixtures.gaussian(FeatureFixtures.MEAN_B, FeatureFixtures.COV_B, 200, 2));
        double[][] x = FeatureFixtures.gaussian(FeatureFixtures.MEAN_A, FeatureFixtures.COV_A, 20_000, 3);
        double[][] y = FeatureFixtures.gaussian(FeatureFixtures.MEAN_B, FeatureFixtures.COV_B, 20_000, 4);
        FeatureDistanceEstimate large = new PercentileBootstrap(200, 0.95, 5).estimate(FD, x, y, "test");
        assertEquals(truth, large.value(), 0.05, "FD at n = 20000 (sampling error about 0.02)");
        assertTrue(Math.abs(large.value() - truth) < Math.abs(small - truth), "closer at n = 20000 than at 200: " + large + " vs " + small);
        assertTrue(large.covers(truth), large + " should cover " + truth);
        assertTrue(large.upper() - large.lower() < 0.25, "interval width at n = 20000: " + large);
    }

    @Test
    void aFeatureWithoutVarianceLeavesTheDistanceOfTheOthers() throws IOException {
        // a dead unit of a feature network: the same constant in both sets makes both covariances singular
        double[][] a = withConstant(FeatureFixtures.oracleSet("a"));
        double[][] b = withConstant(FeatureFixtures.oracleSet("b"));
        assertEquals(6.284519860357696, fd(a, b), 1e-10);
    }

    private static double[][] withConstant(double[][] rows) {
        return Arrays.stream(rows).map(r -> {
            double[] out = Arrays.copyOf(r, r.length + 1);
            out[r.length] = 0.7;
            return out;
        }).toArray(double[][]::new);
    }

    @Test
    void identicalSetsAreAtDistanceZero() throws IOException {
        double[][] a = FeatureFixtures.oracleSet("a");
        assertEquals(0, fd(a, a), 1e-13);
    }

    @Test
    void fewerRowsThanDimensionPlusOneAreRefused() {
        double[][] x = FeatureFixtures.isotropic(8, 0, 8, 1);
        double[][] y = FeatureFixtures.isotropic(8, 0, 20, 2);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FD.prepare(x, y));
        assertEquals("x has 8 rows, which is not allowed: fd in feature dimension 8 needs at least 9 rows per set", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FD.prepare(y, x));
        assertTrue(e.getMessage().startsWith("y has 8 rows"), e.getMessage());
    }

    @Test
    void badMomentsAreRefusedNamingTheParameter() {
        double[] m = {0, 0};
        double[][] ok = {{1, 0}, {0, 1}};
        assertEquals("cov2[1][0] = 0.5 and cov2[0][1] = 0.0 are not allowed: a covariance must be symmetric",
                assertThrows(IllegalArgumentException.class, () -> FrechetDistance.between(m, ok, m, new double[][] {{1, 0}, {0.5, 1}})).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> FrechetDistance.between(m, new double[][] {{1, 2}, {2, 1}}, m, ok))
                .getMessage().matches("cov1 has the eigenvalue -(1\\.0|0\\.99+\\d*), which is not allowed: a covariance must be positive semi-definite"));
        assertEquals("mean2 has length 3, which is not allowed: must be 2 to match mean1",
                assertThrows(IllegalArgumentException.class, () -> FrechetDistance.between(m, ok, new double[3], ok)).getMessage());
        assertEquals("cov1 has 1 rows, which is not allowed: must be 2 to match mean1",
                assertThrows(IllegalArgumentException.class, () -> FrechetDistance.between(m, new double[][] {{1, 0}}, m, ok)).getMessage());
    }
}
