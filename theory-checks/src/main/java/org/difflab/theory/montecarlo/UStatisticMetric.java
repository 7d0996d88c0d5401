package org.difflab.theory.montecarlo;

/**
 * A distance estimated by the unbiased two-sample U-statistic of a kernel ({@link PairedUStatistic}), with its
 * subsampling cap and bootstrap: the part the energy distance and MMD^2 share (checks and arguments); each states its
 * kernel.
 */
abstract class UStatisticMetric implements SampleMetric {
    private final int cap;
    private final int resamples;
    /** Seed of subsampling and bootstrap. */
    final long seed;

    /**
     * @param cap       largest number of points per sample set (>= 2); larger sets are subsampled
     * @param resamples bootstrap resamples (>= 2)
     * @param seed      seed of subsampling and bootstrap
     */
    UStatisticMetric(int cap, int resamples, long seed) {
        this.cap = MetricArgs.cap(cap);
        this.resamples = MetricArgs.resamples(resamples);
        this.seed = seed;
    }

    @Override
    public Estimate between(double[][] x, double[][] y) {
        SampleRows.checkPair(x, y);
        SampleRows.atLeast("x", x, 2);
        SampleRows.atLeast("y", y, 2);
        return estimate(x, y);
    }

    /** The estimate between checked sample sets of the same dimension, at least 2 rows each. */
    abstract Estimate estimate(double[][] x, double[][] y);

    /** The U-statistic of kernel {@code k} with this metric's cap, resamples and seed; {@code what} describes it. */
    Estimate uStatistic(double[][] x, double[][] y, PairedUStatistic.Kernel k, String what) {
        return PairedUStatistic.estimate(x, y, k, cap, resamples, seed, what);
    }
}
