package org.difflab.theory.montecarlo;

import java.util.function.ToDoubleFunction;

/**
 * The 1-D Kolmogorov-Smirnov distance sup_x |F_n(x) - G(x)| between the empirical CDF of samples and either
 * another empirical CDF (two-sample) or a target's exact CDF ({@link #toCdf}). Under equality sqrt(n) D_n follows
 * the Kolmogorov distribution (95% quantile 1.358; Massey 1951). The standard error is a seeded bootstrap.
 */
public final class KolmogorovSmirnov extends SortedSampleMetric {

    /** With this many bootstrap resamples (>= 2) drawn from {@code seed}. */
    public KolmogorovSmirnov(int resamples, long seed) {
        super("ks", "KS", "two-sample KS", resamples, seed);
    }

    @Override
    ToDoubleFunction<int[]> toCdf(double[] a, TargetCdf cdf) {
        double[] f = new double[a.length];
        for (int i = 0; i < f.length; i++) {
            f[i] = cdf.cdf(a[i]);
        }
        return c -> toCdf(f, c);
    }

    /** sup |F_n - F| for the points with CDF values f (sorted) taken counts[i] times each. */
    private static double toCdf(double[] f, int[] counts) {
        int n = f.length;
        int below = 0;
        double d = 0;
        for (int i = 0; i < n; i++) {
            if (counts[i] > 0) {
                int through = below + counts[i];
                d = Math.max(d, Math.max((double) through / n - f[i], f[i] - (double) below / n));
                below = through;
            }
        }
        return d;
    }

    @Override
    double twoSample(double[] a, double[] b) {
        int i = 0;
        int j = 0;
        double d = 0;
        while (i < a.length && j < b.length) {
            double v = Math.min(a[i], b[j]);
            while (i < a.length && a[i] == v) {
                i++;
            }
            while (j < b.length && b[j] == v) {
                j++;
            }
            d = Math.max(d, Math.abs((double) i / a.length - (double) j / b.length));
        }
        return d;
    }
}
