package org.difflab.theory.montecarlo;

/**
 * Factory of the Monte Carlo sample metrics with their defaults: seed 0, 200 bootstrap resamples, 100 slicing
 * directions, and at most 2000 points per sample set for the O(n^2) U-statistics (larger sets are subsampled, as
 * each estimate's description says).
 */
public final class SampleMetrics {
    /** Default bootstrap resamples. */
    public static final int RESAMPLES = 200;
    /** Default cap on points per sample set for MMD and energy distance. */
    public static final int CAP = 2000;
    /** Default number of slicing directions. */
    public static final int DIRECTIONS = 100;

    private SampleMetrics() {}

    /** Squared sliced W2 over 100 directions, seed 0. */
    public static SlicedWasserstein2 slicedW2() {
        return new SlicedWasserstein2(DIRECTIONS, 0);
    }

    /** MMD^2, Gaussian kernel with median-heuristic bandwidth. */
    public static Mmd mmd() {
        return new Mmd(Double.NaN, CAP, RESAMPLES, 0);
    }

    /** MMD^2, Gaussian kernel with a fixed bandwidth sigma. */
    public static Mmd mmd(double bandwidth) {
        if (Double.isNaN(bandwidth)) {
            throw new IllegalArgumentException("bandwidth = NaN is not allowed here: must be a finite number > 0 (use mmd() for the median heuristic)");
        }
        return new Mmd(bandwidth, CAP, RESAMPLES, 0);
    }

    /** Energy distance. */
    public static EnergyDistance energy() {
        return new EnergyDistance(CAP, RESAMPLES, 0);
    }

    /** 1-D Kolmogorov-Smirnov distance. */
    public static KolmogorovSmirnov ks() {
        return new KolmogorovSmirnov(RESAMPLES, 0);
    }

    /** 1-D W1 distance. */
    public static Wasserstein1 w1() {
        return new Wasserstein1(RESAMPLES, 0);
    }
}
