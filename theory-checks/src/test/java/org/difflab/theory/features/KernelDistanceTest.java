package org.difflab.theory.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** KD against the numpy oracle (oracles/feature_distances.py), its null behaviour, its bootstrap and its bad input. */
class KernelDistanceTest {
    private static final KernelDistance KD = new KernelDistance();
    private static final PercentileBootstrap BOOTSTRAP = new PercentileBootstrap(300, 0.95, 11);

    @Test
    void unbiasedEstimateMatchesTheNumpyOracle() throws IOException {
        double[][] a = FeatureFixtures.oracleSet("a");
        double[][] b = FeatureFixtures.oracleSet("b");
        // printed by oracles/feature_distances.py
        FeatureDistanceEstimate ab = BOOTSTRAP.estimate(KD, a, b, "oracle a vs b");
        assertEquals(4.87323694162134, ab.value(), 1e-12);
        assertTrue(ab.lower() > 0 && ab.covers(ab.value()), ab.toString());
        assertEquals(0.19163733537054561, BOOTSTRAP.estimate(KD, FeatureFixtures.rows(a, 0, 30), FeatureFixtures.rows(a, 30, 60), "halves")
                .value(), 1e-13);
    }

    @Test
    void identicalAndSameLawSetsAreNearZeroWithAnIntervalCoveringIt() throws IOException {
        double[][] a = FeatureFixtures.oracleSet("a");
        FeatureDistanceEstimate same = BOOTSTRAP.estimate(KD, a, a, "a vs a");
        // printed by oracles/feature_distances.py: a set against itself is not two independent samples; the unbiased
        // estimate is then -2 (mean k(x, x) - mean k) / (m - 1), below 0 by the kernel's diagonal excess
        assertEquals(-1.2283329020666613, same.value(), 1e-12);
        assertTrue(same.covers(0), same.toString());
        FeatureDistanceEstimate null0 = BOOTSTRAP.estimate(KD, FeatureFixtures.isotropic(4, 0, 300, 1), FeatureFixtures.isotropic(4, 0, 250, 2), "same law");
        assertTrue(null0.covers(0), null0.toString());
        // resampled pairs that draw one row twice are left out, so the unbiased estimate stays unbiased on resamples
        assertTrue(Math.abs(null0.bias()) < 0.1 * (null0.upper() - null0.lower()), null0.toString());
        FeatureDistanceEstimate shifted = BOOTSTRAP.estimate(KD, FeatureFixtures.isotropic(4, 0, 300, 1), FeatureFixtures.isotropic(4, 0.5, 250, 2),
                "mean shifted by 0.5");
        assertTrue(shifted.lower() > 0, shifted.toString());
    }

    @Test
    void aSeedFixesTheIntervalBitForBit() throws IOException {
        double[][] a = FeatureFixtures.oracleSet("a");
        double[][] b = FeatureFixtures.oracleSet("b");
        FeatureDistanceEstimate first = new PercentileBootstrap(50, 0.9, 7).estimate(KD, a, b, "ab");
        assertEquals(first, new PercentileBootstrap(50, 0.9, 7).estimate(KD, a, b, "ab"));
        FeatureDistanceEstimate other = new PercentileBootstrap(50, 0.9, 8).estimate(KD, a, b, "ab");
        assertEquals(first.value(), other.value());
        assertTrue(first.lower() != other.lower() || first.upper() != other.upper(), first + " vs " + other);
    }

    @Test
    void tooManyRowsAndBadBootstrapsAreRefused() {
        double[][] big = new double[KernelDistance.MAXIMUM_ROWS + 1][];
        java.util.Arrays.fill(big, new double[] {1, 2});
        double[][] small = {{1, 2}, {3, 4}};
        assertEquals("y has 4097 rows, which is not allowed: the kernel distance takes at most 4096 rows per set (it stores its kernel "
                + "matrices); draw a subsample (FeatureComparison.floor does)", assertThrows(IllegalArgumentException.class,
                () -> KD.prepare(small, big)).getMessage());
        assertEquals("x has 2 rows, which is not allowed: a bootstrap interval needs at least 10 rows per set",
                assertThrows(IllegalArgumentException.class, () -> BOOTSTRAP.estimate(KD, small, big, "s")).getMessage());
        assertEquals("x has 1 rows, which is not allowed: kd in feature dimension 2 needs at least 2 rows per set",
                assertThrows(IllegalArgumentException.class, () -> KD.prepare(new double[][] {{1, 2}}, small)).getMessage());
        assertEquals("y has dimension 3, which is not allowed: must be 2 to match x",
                assertThrows(IllegalArgumentException.class, () -> KD.prepare(small, new double[][] {{1, 2, 3}, {1, 2, 3}})).getMessage());
        assertEquals("x and y (4096 and 4096 rows) are not allowed here: the kernel distance's matrices need 403 MB and this JVM has 300 MB "
                + "of heap left; give Java a larger heap (-Xmx, DIFFLAB_JAVA_OPTS) or compare fewer rows",
                assertThrows(IllegalArgumentException.class, () -> KernelDistance.fitsInHeap(4096, 4096, 300_000_000L)).getMessage());
        KernelDistance.fitsInHeap(4096, 4096, 403_000_000L);
        assertEquals("resamples = 1 is not allowed: must be an integer >= 2",
                assertThrows(IllegalArgumentException.class, () -> new PercentileBootstrap(1, 0.95, 1)).getMessage());
        assertEquals("level = 1.0 is not allowed: must lie strictly between 0 and 1, e.g. 0.95",
                assertThrows(IllegalArgumentException.class, () -> new PercentileBootstrap(100, 1, 1)).getMessage());
    }
}
