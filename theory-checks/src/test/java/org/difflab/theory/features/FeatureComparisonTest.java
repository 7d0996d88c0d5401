package org.difflab.theory.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

/** Floors and sampler distances through one API: sizes, seeds, the 1/n fall of FD's floor, bad sample sizes. */
class FeatureComparisonTest {
    private static final double[][] REFERENCE = FeatureFixtures.isotropic(3, 0, 1000, 21);
    private static final FeatureComparison FD = new FeatureComparison(new FrechetDistance(), new PercentileBootstrap(100, 0.95, 3));

    @Test
    void fdFloorFallsLikeOneOverN() {
        // two independent n-samples of N(1, I_3): E|mean difference|^2 = 2 d / n = 6 / n, the covariance term adds about as much
        FeatureDistanceEstimate n50 = FD.halvesFloor(REFERENCE, 50, 1);
        FeatureDistanceEstimate n500 = FD.halvesFloor(REFERENCE, 500, 1);
        assertEquals(50, n50.xRows());
        assertEquals(50, n50.yRows());
        assertTrue(n50.value() > 3 * n500.value(), n50 + " vs " + n500);
        assertTrue(n500.value() < 0.1 && n500.value() > 0, n500.toString());
        assertEquals(n50, FD.halvesFloor(REFERENCE, 50, 1), "a split seed fixes the halves");
        assertTrue(n50.value() != FD.halvesFloor(REFERENCE, 50, 2).value(), "another split seed, other halves");
    }

    @Test
    void fdIntervalSurroundsItsValueThoughResamplesAreBiased() {
        // 100 rows of N(1, I_16) each: FD's bias (about d (d + 1) / (2 n) + 2 d / n = 1.7) dwarfs the laws' FD of 0,
        // and resamples add it again; the interval is shifted back by the bootstrap's bias estimate
        FeatureDistanceEstimate e = FD.between(FeatureFixtures.isotropic(16, 0, 100, 31), FeatureFixtures.isotropic(16, 0, 100, 32));
        assertTrue(e.bias() > 0.5 * e.value() && e.covers(e.value()), e.toString());
        assertTrue(e.lower() + e.bias() > e.value(), "the unshifted percentile interval lies above the value: " + e);
    }

    @Test
    void floorOnAllRowsIsTheDistanceBetweenTheSets() {
        double[][] test = FeatureFixtures.isotropic(3, 0.2, 400, 22);
        double[][] train = FeatureFixtures.rows(REFERENCE, 0, 400);
        FeatureDistanceEstimate all = FD.floor(train, test, 400, 9);
        assertEquals(FD.between(train, test).value(), all.value(), 1e-12, "the same rows in another order");
        assertTrue(all.sets().contains("400 rows of first (of 400)"), all.sets());
        FeatureDistanceEstimate some = FD.floor(REFERENCE, test, 200, 9);
        assertEquals(200, some.xRows());
        assertEquals(200, some.yRows());
    }

    @Test
    void progressIsReportedOnLongBootstraps() {
        List<String> lines = new ArrayList<>();
        new PercentileBootstrap(3, 0.9, 1, lines::add).estimate(new FrechetDistance(), REFERENCE, REFERENCE, "s");
        assertTrue(lines.isEmpty(), "a bootstrap of well under 2 s prints nothing: " + lines);
        assertThrows(IllegalArgumentException.class, () -> new PercentileBootstrap(3, 0.9, 1, null));
    }

    @Test
    void anInterruptStopsTheWorkAndIsConsumed() {
        Thread.currentThread().interrupt();
        assertEquals("fd's bootstrap was interrupted before resample 1 of 100; its interval was not computed",
                assertThrows(CancellationException.class, () -> FD.halvesFloor(REFERENCE, 100, 1)).getMessage());
        assertFalse(Thread.interrupted());
        Thread.currentThread().interrupt();
        assertEquals("the kernel distance was interrupted in its kernel matrix (row 1 of 100); it was not computed",
                assertThrows(CancellationException.class, () -> new FeatureComparison(new KernelDistance(), new PercentileBootstrap(10, 0.9, 1))
                        .halvesFloor(REFERENCE, 100, 1)).getMessage());
        assertFalse(Thread.interrupted());
    }

    @Test
    void sampleSizesBeyondTheSetsAreRefused() {
        assertEquals("n = 501 is not allowed: two disjoint halves of n rows need 2 n <= the reference's 1000 rows",
                assertThrows(IllegalArgumentException.class, () -> FD.halvesFloor(REFERENCE, 501, 1)).getMessage());
        assertEquals("n = 1001 is not allowed: must be <= the rows of first (1000) and of second (1000)",
                assertThrows(IllegalArgumentException.class, () -> FD.floor(REFERENCE, REFERENCE, 1001, 1)).getMessage());
        assertEquals("n = 0 is not allowed: must be an integer >= 1",
                assertThrows(IllegalArgumentException.class, () -> FD.floor(REFERENCE, REFERENCE, 0, 1)).getMessage());
        assertEquals("x has 3 rows, which is not allowed: fd in feature dimension 3 needs at least 4 rows per set",
                assertThrows(IllegalArgumentException.class, () -> FD.halvesFloor(REFERENCE, 3, 1)).getMessage());
    }
}
