package org.difflab.theory.montecarlo;

import java.util.SplittableRandom;

/**
 * Squared maximum mean discrepancy MMD^2 with the Gaussian kernel k(x, y) = exp(-|x - y|^2 / (2 sigma^2))
 * (Gretton et al. 2012, JMLR 13: the unbiased statistic MMD_u^2, which can be slightly negative). The bandwidth
 * sigma is fixed, or by the median heuristic the median of the pairwise distances of the pooled samples (Gretton
 * et al. 2012, section 8; computed on at most 1000 pooled points, seeded). Error bars by bootstrap; see
 * {@link PairedUStatistic} for the subsampling cap that keeps the O(n^2) cost feasible.
 */
public final class Mmd extends UStatisticMetric {
    /** Pooled points used by the median heuristic. */
    private static final int MEDIAN_POINTS = 1000;

    private final double bandwidth;

    /**
     * @param bandwidth sigma of the kernel, > 0, or NaN for the median heuristic
     * @param cap       largest number of points per sample set (>= 2); larger sets are subsampled
     * @param resamples bootstrap resamples (>= 2)
     * @param seed      seed of subsampling and bootstrap
     */
    public Mmd(double bandwidth, int cap, int resamples, long seed) {
        super(cap, resamples, seed);
        if (!Double.isNaN(bandwidth) && !(bandwidth > 0 && Double.isFinite(bandwidth))) {
            throw new IllegalArgumentException("bandwidth = " + bandwidth + " is not allowed: must be a finite number > 0, or NaN for the median heuristic");
        }
        this.bandwidth = bandwidth;
    }

    @Override
    public String name() {
        return "mmd2";
    }

    @Override
    Estimate estimate(double[][] x, double[][] y) {
        double sigma = Double.isNaN(bandwidth) ? medianDistance(x, y) : bandwidth;
        double scale = -1 / (2 * sigma * sigma);
        PairedUStatistic.Kernel k = (a, b) -> {
            double d = PairedUStatistic.distance(a, b);
            return Math.exp(scale * d * d);
        };
        return uStatistic(x, y, k, String.format("MMD^2, Gaussian kernel sigma = %.4g (%s)", sigma, Double.isNaN(bandwidth) ? "median heuristic" : "fixed"));
    }

    private double medianDistance(double[][] x, double[][] y) {
        SplittableRandom rng = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
        double[][] xs = PairedUStatistic.subsample(x, Math.min(x.length, MEDIAN_POINTS / 2), rng);
        double[][] ys = PairedUStatistic.subsample(y, Math.min(y.length, MEDIAN_POINTS / 2), rng);
        double[][] pool = new double[xs.length + ys.length][];
        System.arraycopy(xs, 0, pool, 0, xs.length);
        System.arraycopy(ys, 0, pool, xs.length, ys.length);
        double[] d = new double[pool.length * (pool.length - 1) / 2];
        int p = 0;
        for (int i = 0; i < pool.length; i++) {
            for (int j = i + 1; j < pool.length; j++) {
                d[p++] = PairedUStatistic.distance(pool[i], pool[j]);
            }
        }
        return MedianBandwidth.of(d, "the median pairwise distance of x and y is %s, which is not allowed for the median heuristic: "
                + "give a fixed bandwidth > 0");
    }
}
