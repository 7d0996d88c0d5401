package org.difflab.theory.montecarlo;

/**
 * Energy distance E(P, Q) = 2 E|X - Y| - E|X - X'| - E|Y - Y'| (Szekely and Rizzo 2004, 2013), zero exactly when
 * P = Q. Estimated by the unbiased U-statistic: the MMD form with the kernel k(x, y) = -|x - y| (Sejdinovic et al.
 * 2013), with bootstrap error bars and the subsampling cap of {@link PairedUStatistic}.
 */
public final class EnergyDistance extends UStatisticMetric {

    /**
     * @param cap       largest number of points per sample set (>= 2); larger sets are subsampled
     * @param resamples bootstrap resamples (>= 2)
     * @param seed      seed of subsampling and bootstrap
     */
    public EnergyDistance(int cap, int resamples, long seed) {
        super(cap, resamples, seed);
    }

    @Override
    public String name() {
        return "energy";
    }

    @Override
    Estimate estimate(double[][] x, double[][] y) {
        return uStatistic(x, y, (a, b) -> -PairedUStatistic.distance(a, b), "energy distance");
    }
}
