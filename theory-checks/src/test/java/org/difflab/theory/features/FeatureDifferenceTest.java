package org.difflab.theory.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * Paired differences of two samplers' distances to one reference: the numpy oracle's values, the sign for a sampler
 * known to be closer, coverage of 0 for samplers of one law, the width the shared reference resamples save over
 * resampling the reference per sampler, seeds, rankings and bad input.
 */
class FeatureDifferenceTest {
    private static final FeatureComparison FD = new FeatureComparison(new FrechetDistance(), new PercentileBootstrap(200, 0.95, 5));
    private static final FeatureComparison KD = new FeatureComparison(new KernelDistance(), new PercentileBootstrap(200, 0.95, 5));
    private static final double[][] REFERENCE = FeatureFixtures.isotropic(4, 0, 300, 41);

    @Test
    void differencesMatchTheNumpyOracle() throws IOException {
        double[][] a = FeatureFixtures.oracleSet("a");
        double[][] b = FeatureFixtures.oracleSet("b");
        double[][] c = FeatureFixtures.oracleSet("c");
        // printed by oracles/feature_distances.py: b is the reference, c lies halfway between a's law and b's
        FeatureDistanceDifference fd = FD.difference("a", a, "c", c, b);
        assertEquals(5.262143518642052, fd.value(), 1e-12);
        assertEquals(6.284519860357696, fd.firstDistance().value(), 1e-12);
        assertEquals(1.0223763417156437, fd.secondDistance().value(), 1e-12);
        assertTrue(fd.lower() > 0 && fd.covers(fd.value()), fd.toString());
        FeatureDistanceDifference kd = KD.difference("a", a, "c", c, b);
        assertEquals(4.0236855338531585, kd.value(), 1e-12);
        assertEquals(0.8495514077681818, kd.secondDistance().value(), 1e-12);
        assertTrue(kd.lower() > 0 && kd.covers(kd.value()), kd.toString());
        assertEquals(-fd.value(), FD.difference("c", c, "a", a, b).value(), 1e-12, "swapping the samplers flips the sign");
    }

    @Test
    void aSamplerCloserToTheReferenceIsAheadAndOneLawCoversZero() {
        double[][] closer = FeatureFixtures.isotropic(4, 0.05, 300, 42);
        double[][] farther = FeatureFixtures.isotropic(4, 0.3, 300, 43);
        for (FeatureComparison distance : new FeatureComparison[] {FD, KD}) {
            FeatureDistanceDifference ahead = distance.difference("closer", closer, "farther", farther, REFERENCE);
            assertTrue(ahead.upper() < 0, ahead.toString());
            FeatureDistanceDifference same = distance.difference("one", FeatureFixtures.isotropic(4, 0.1, 300, 44), "other",
                    FeatureFixtures.isotropic(4, 0.1, 300, 45), REFERENCE);
            assertTrue(same.covers(0), same.toString());
        }
    }

    @Test
    void intervalsOfSamplersOfOneLawCoverZeroAtTheirLevel() {
        // the two samplers' sets are drawn from one law, so the difference's expectation is 0 for FD (whatever its bias) and KD
        FeatureComparison fd = new FeatureComparison(new FrechetDistance(), new PercentileBootstrap(200, 0.9, 6));
        int covered = 0;
        int ahead = 0;
        int behind = 0;
        for (int rep = 0; rep < 40; rep++) {
            double[][] reference = FeatureFixtures.isotropic(3, 0, 150, 1000 + rep);
            FeatureDistanceDifference same = fd.difference("one", FeatureFixtures.isotropic(3, 0.15, 150, 2000 + rep), "other",
                    FeatureFixtures.isotropic(3, 0.15, 150, 3000 + rep), reference);
            covered += same.covers(0) ? 1 : 0;
            FeatureDistanceDifference apart = fd.difference("closer", FeatureFixtures.isotropic(3, 0, 150, 4000 + rep), "farther",
                    FeatureFixtures.isotropic(3, 0.5, 150, 5000 + rep), reference);
            ahead += apart.upper() < 0 ? 1 : 0;
            behind += apart.lower() > 0 ? 1 : 0;
        }
        // measured: 37 of 40 covered; ahead in 40 of 40
        assertTrue(covered >= 34, covered + " of 40 90% intervals covered 0");
        assertTrue(ahead >= 36 && behind == 0, "the closer sampler was ahead in " + ahead + " of 40 and behind in " + behind);
    }

    @Test
    void sharingTheReferenceResamplesNarrowsTheInterval() {
        // mutant: each sampler with its own reference resamples counts the reference's noise twice instead of cancelling it;
        // a small reference makes its noise a large part of each distance's
        double[][] reference = FeatureFixtures.isotropic(4, 0, 100, 48);
        double[][] first = FeatureFixtures.isotropic(4, 0.4, 400, 46);
        double[][] second = FeatureFixtures.isotropic(4, 0.45, 400, 47);
        for (FeatureDistance distance : new FeatureDistance[] {new FrechetDistance(), new KernelDistance()}) {
            FeatureDistanceDifference paired = new FeatureComparison(distance, new PercentileBootstrap(200, 0.95, 5))
                    .difference("first", first, "second", second, reference);
            ShiftedInterval separate = separateReferenceResamples(distance, first, second, reference, 200, 5);
            double ratio = (paired.upper() - paired.lower()) / (separate.upper() - separate.lower());
            // measured: 0.40 (fd) and 0.47 (kd) with 100 reference rows; 0.69 and 0.87 with 300 reference and sampler rows
            assertTrue(ratio < 0.6, distance.name() + ": paired " + paired + " vs separate " + separate);
        }
    }

    @Test
    void aRankingShowsEverySamplerAgainstTheBaselineFromOneSeed() {
        Map<String, double[][]> samplers = new LinkedHashMap<>();
        samplers.put("ddpm-1000", FeatureFixtures.isotropic(4, 0.1, 200, 51));
        samplers.put("pmm-80", FeatureFixtures.isotropic(4, 0.12, 200, 52));
        samplers.put("ddim-80", FeatureFixtures.isotropic(4, 0.5, 200, 53));
        FeatureRanking ranking = FD.ranking(samplers, "ddpm-1000", REFERENCE);
        assertEquals(2, ranking.differences().size());
        FeatureDistanceDifference pmm = ranking.against("pmm-80");
        FeatureDistanceDifference ddim = ranking.against("ddim-80");
        assertTrue(pmm.covers(0) && ddim.lower() > 0, ranking.toString());
        assertEquals(pmm.secondDistance(), ddim.secondDistance(), "one baseline distance from the same resamples");
        assertEquals(ranking.baselineDistance(), pmm.secondDistance());
        assertEquals(pmm.firstDistance().value() - pmm.secondDistance().value(), pmm.value(), 1e-15);
        assertEquals(ranking, FD.ranking(samplers, "ddpm-1000", REFERENCE), "a seed fixes every interval bit for bit");
        String table = ranking.toString();
        assertTrue(table.indexOf("pmm-80") < table.indexOf("ddim-80") && table.startsWith("fd to the reference (300 rows)"), table);
        assertEquals("sampler = dpm is not allowed: this ranking against ddpm-1000 has pmm-80, ddim-80",
                assertThrows(IllegalArgumentException.class, () -> ranking.against("dpm")).getMessage());
        FeatureDistanceDifference other = new FeatureComparison(new FrechetDistance(), new PercentileBootstrap(200, 0.95, 6))
                .ranking(samplers, "ddpm-1000", REFERENCE).against("pmm-80");
        assertEquals(pmm.value(), other.value());
        assertTrue(pmm.lower() != other.lower(), "another seed, other resamples: " + pmm + " vs " + other);
    }

    @Test
    void badSamplerSetsAreRefusedNamingThem() {
        double[][] x = FeatureFixtures.isotropic(4, 0, 50, 61);
        assertEquals("sampler b has 40 rows, which is not allowed: every sampler needs the same number of rows (sampler a has 50), since fd "
                + "values at different sample sizes are not comparable", assertThrows(IllegalArgumentException.class,
                () -> FD.difference("a", x, "b", FeatureFixtures.rows(x, 0, 40), REFERENCE)).getMessage());
        assertEquals("sampler b has dimension 3, which is not allowed: must be 4 to match the reference", assertThrows(
                IllegalArgumentException.class, () -> FD.difference("a", x, "b", FeatureFixtures.isotropic(3, 0, 50, 62), REFERENCE)).getMessage());
        assertEquals("sampler a has 4 rows, which is not allowed: fd in feature dimension 4 needs at least 5 rows per set", assertThrows(
                IllegalArgumentException.class, () -> FD.difference("a", FeatureFixtures.rows(x, 0, 4), "b", x, REFERENCE)).getMessage());
        assertEquals("reference has 8 rows, which is not allowed: a bootstrap interval needs at least 10 rows per set", assertThrows(
                IllegalArgumentException.class, () -> KD.difference("a", x, "b", x, FeatureFixtures.rows(x, 0, 8))).getMessage());
        assertEquals("firstName = secondName = a is not allowed: the two samplers need two names",
                assertThrows(IllegalArgumentException.class, () -> FD.difference("a", x, "a", x, REFERENCE)).getMessage());
        assertEquals("samplers = [a] and baseline = a are not allowed: give the baseline and at least one other sampler, by name",
                assertThrows(IllegalArgumentException.class, () -> FD.ranking(Map.of("a", x), "a", REFERENCE)).getMessage());
        assertEquals("samplers = [a, b] and baseline = c are not allowed: give the baseline and at least one other sampler, by name",
                assertThrows(IllegalArgumentException.class, () -> FD.ranking(new TreeMap<>(Map.of("a", x, "b", x)), "c", REFERENCE))
                        .getMessage());
        assertEquals("differences is empty, which is not allowed: a ranking needs at least one sampler besides the baseline a",
                assertThrows(IllegalArgumentException.class, () -> new FeatureRanking("a", List.of())).getMessage());
    }

    @Test
    void anInterruptStopsTheResamplesAndIsConsumed() {
        double[][] x = FeatureFixtures.isotropic(4, 0, 50, 63);
        Thread.currentThread().interrupt();
        assertEquals("fd's bootstrap was interrupted before resample 1 of 200; its interval was not computed",
                assertThrows(CancellationException.class, () -> FD.difference("a", x, "b", x, REFERENCE)).getMessage());
        assertFalse(Thread.interrupted());
    }

    private static ShiftedInterval separateReferenceResamples(FeatureDistance distance, double[][] first, double[][] second, double[][] reference, int resamples,
            long seed) {
        FeatureDistance.Prepared p = distance.prepare(first, reference);
        FeatureDistance.Prepared q = distance.prepare(second, reference);
        int[] a = PercentileBootstrap.ones(first.length);
        int[] b = PercentileBootstrap.ones(second.length);
        int[] ra = PercentileBootstrap.ones(reference.length);
        int[] rb = PercentileBootstrap.ones(reference.length);
        double value = p.at(a, ra) - q.at(b, rb);
        UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(seed);
        double[] values = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            PercentileBootstrap.draw(ra, rng);
            PercentileBootstrap.draw(a, rng);
            PercentileBootstrap.draw(rb, rng);
            PercentileBootstrap.draw(b, rng);
            values[r] = p.at(a, ra) - q.at(b, rb);
        }
        return ShiftedInterval.of(values, value, 0.95);
    }
}
