package org.difflab.theory.features;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.difflab.dsl.Require;

/**
 * One feature distance with one bootstrap, measured several ways with the same API so that a report prints them side
 * by side: between a sampler's features and the reference's ({@link #between}); the two floors a sampler cannot be
 * expected to beat at a sample size n, the distance between two disjoint halves of a reference set ({@link
 * #halvesFloor}) and between n rows of each of two given sets, e.g. the training and test sets ({@link #floor}); and
 * the differences between samplers' distances to one reference with paired intervals ({@link #difference}, {@link
 * #ranking}), by which "A ahead of B" and "A within tolerance of B" are judged. FD's floor is its estimation bias at n
 * (it falls like 1/n); KD's floor is near 0 with an interval showing its spread. The floors' rows are chosen without
 * replacement by a seeded permutation (Commons RNG), so a split seed fixes them.
 *
 * <p>The inputs are features, rows of {@code double[][]}, whatever network computed them: a feature extractor on images
 * (e.g. a classifier's penultimate layer) gives them, this class does not see images.
 */
public final class FeatureComparison {
    private final FeatureDistance distance;
    private final PercentileBootstrap bootstrap;

    public FeatureComparison(FeatureDistance distance, PercentileBootstrap bootstrap) {
        this.distance = Require.notNull("distance", distance);
        this.bootstrap = Require.notNull("bootstrap", bootstrap);
    }

    /** The distance between the feature sets x (e.g. a sampler's) and y (e.g. the reference), all rows. */
    public FeatureDistanceEstimate between(double[][] x, double[][] y) {
        return bootstrap.estimate(distance, x, y, "x vs y");
    }

    /**
     * d(first) - d(second), both distances to {@code reference}, with the paired interval of {@link SharedReferenceBootstrap}
     * (each resample draws the reference's rows once for both samplers); e.g. FD(PMM-80) - FD(DDPM-1000). Both samplers
     * need the same number of rows.
     */
    public FeatureDistanceDifference difference(String firstName, double[][] first, String secondName, double[][] second, double[][] reference) {
        if (Require.notNull("firstName", firstName).equals(Require.notNull("secondName", secondName))) {
            throw new IllegalArgumentException("firstName = secondName = " + firstName + " is not allowed: the two samplers need two names");
        }
        Map<String, double[][]> samplers = new LinkedHashMap<>();
        samplers.put(firstName, first);
        samplers.put(secondName, second);
        return ranking(samplers, secondName, reference).against(firstName);
    }

    /**
     * The distances of several samplers (name to features, in the map's order) to one {@code reference}, each against
     * the {@code baseline}'s with a paired interval of the difference, all from the same resamples; all samplers need
     * the same number of rows.
     */
    public FeatureRanking ranking(Map<String, double[][]> samplers, String baseline, double[][] reference) {
        return SharedReferenceBootstrap.rank(bootstrap, distance, samplers, baseline, reference);
    }

    /** The distance between two disjoint sets of n rows of {@code reference}, chosen with {@code splitSeed}. */
    public FeatureDistanceEstimate halvesFloor(double[][] reference, int n, long splitSeed) {
        Require.notNull("reference", reference);
        Require.positive("n", n);
        if (2L * n > reference.length) {
            throw new IllegalArgumentException("n = " + n + " is not allowed: two disjoint halves of n rows need 2 n <= the reference's "
                    + reference.length + " rows");
        }
        int[] rows = new PermutationSampler(RandomSource.SPLIT_MIX_64.create(splitSeed), reference.length, 2 * n).sample();
        double[][] first = new double[n][];
        double[][] second = new double[n][];
        for (int i = 0; i < n; i++) {
            first[i] = reference[rows[i]];
            second[i] = reference[rows[n + i]];
        }
        return bootstrap.estimate(distance, first, second, String.format(Locale.ROOT,
                "two disjoint halves of the reference (%d of %d rows each, split seed %d)", n, reference.length, splitSeed));
    }

    /** The distance between n rows of {@code first} and n rows of {@code second} (e.g. train and test), chosen with {@code splitSeed}. */
    public FeatureDistanceEstimate floor(double[][] first, double[][] second, int n, long splitSeed) {
        Require.notNull("first", first);
        Require.notNull("second", second);
        Require.positive("n", n);
        if (n > first.length || n > second.length) {
            throw new IllegalArgumentException("n = " + n + " is not allowed: must be <= the rows of first (" + first.length + ") and of second ("
                    + second.length + ")");
        }
        var rng = RandomSource.SPLIT_MIX_64.create(splitSeed);
        double[][] a = rows(first, new PermutationSampler(rng, first.length, n).sample());
        double[][] b = rows(second, new PermutationSampler(rng, second.length, n).sample());
        return bootstrap.estimate(distance, a, b, String.format(Locale.ROOT, "%d rows of first (of %d) vs %d of second (of %d), split seed %d",
                n, first.length, n, second.length, splitSeed));
    }

    private static double[][] rows(double[][] set, int[] chosen) {
        double[][] out = new double[chosen.length][];
        for (int i = 0; i < chosen.length; i++) {
            out[i] = set[chosen[i]];
        }
        return out;
    }
}
