package org.difflab.theory.montecarlo;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.difflab.dsl.target.Target;

/**
 * A 1-D distance computed on sorted samples, with a seeded bootstrap standard error: the part the Kolmogorov-Smirnov
 * and Wasserstein-1 distances share (checks, sorting, the bootstrap and the estimate's description); each states its
 * two-sample statistic and its distance to a target's exact CDF at the sorted points.
 */
abstract class SortedSampleMetric implements SampleMetric {
    private final String name;
    private final String label;
    private final String twoSampleLabel;
    private final int resamples;
    private final long seed;

    /**
     * {@code name} is the metric's short name, e.g. {@code ks}; {@code label} names the distance in an estimate's
     * description, e.g. {@code KS}, and {@code twoSampleLabel} in {@link #between}'s.
     */
    SortedSampleMetric(String name, String label, String twoSampleLabel, int resamples, long seed) {
        this.name = name;
        this.label = label;
        this.twoSampleLabel = twoSampleLabel;
        this.resamples = MetricArgs.resamples(resamples);
        this.seed = seed;
    }

    @Override
    public String name() {
        return name;
    }

    /** The distance between two sorted samples. */
    abstract double twoSample(double[] a, double[] b);

    @Override
    public Estimate between(double[][] x, double[][] y) {
        SampleRows.checkPair(x, y);
        double[] a = sorted("x", x);
        double[] b = sorted("y", y);
        return new Estimate(twoSample(a, b), Bootstrap.standardError(a, b, resamples, seed, this::twoSample),
                String.format("%s, n = %d vs %d; se from %d bootstrap resamples (seed %d)", twoSampleLabel, a.length, b.length, resamples, seed));
    }

    /** The distance from 1-D samples to the exact CDF of a 1-D Gaussian or Gaussian-mixture target. */
    public Estimate toCdf(double[][] x, Target target) {
        double[] a = sorted("x", x);
        ToDoubleFunction<int[]> distance = toCdf(a, TargetCdf.of(target));
        int[] once = new int[a.length];
        Arrays.fill(once, 1);
        return new Estimate(distance.applyAsDouble(once), Bootstrap.standardError(a.length, resamples, seed, distance),
                String.format("%s to the CDF of %s, n = %d; se from %d bootstrap resamples (seed %d)", label, target.spec(), a.length, resamples, seed));
    }

    /**
     * The distance from the sorted samples {@code a} to the CDF, as a function of the counts each point is taken (all 1: the
     * samples themselves; a bootstrap resample otherwise).
     */
    abstract ToDoubleFunction<int[]> toCdf(double[] a, TargetCdf cdf);

    /** The single coordinate of 1-D samples, checked and sorted. */
    static double[] sorted(String name, double[][] rows) {
        double[] v = SampleRows.column(name, rows);
        Arrays.sort(v);
        return v;
    }
}
