package org.difflab.theory.montecarlo;

/**
 * Energy distance E(P, Q) = 2 E|X - Y| - E|X - X'| - E|Y - Y'| (Szekely and Rizzo 2004, 2013), zero exactly when
 * P = Q. Estimated by the unbiased U-statistic: the MMD form with the kernel k(x, y) = -|x - y| (Sejdinovic et al.
 * 2013), with bootstrap error bars and the subsampling cap of {@link PairedUStatistic}.
 */
public final class EnergyDistance implements SampleMetric {
    private final int cap;
    private final int resamples;
    private final long seed;

    /**
     * @param cap       largest number of points per sample set (>= 2); larger sets are subsampled
     * @param resamples bootstrap resamples (>= 2)
     * @param seed      seed of subsampling and bootstrap
     */
    public EnergyDistance(int cap, int resamples, long seed) {
        this.cap = MetricArgs.cap(cap);
        this.resamples = MetricArgs.resamples(resamples);
        this.seed = seed;
    }

    @Override
    public String name() {
        return "energy";
    }

    @Override
    public Estimate between(double[][] x, double[][] y) {
        SampleRows.checkPair(x, y);
        SampleRows.atLeast("x", x, 2);
        SampleRows.atLeast("y", y, 2);
        return PairedUStatistic.estimate(x, y, (a, b) -> -PairedUStatistic.distance(a, b), cap, resamples, seed, "energy distance");
    }
}
