package org.difflab.theory.montecarlo;

import java.util.function.ToDoubleFunction;

/**
 * The 1-D Wasserstein-1 distance W1 = int |F(x) - G(x)| dx = int_0^1 |F^-1(u) - G^-1(u)| du between the empirical
 * law of samples and either another empirical law (sorted quantile matching) or a target's exact CDF
 * ({@link #toCdf}, integrated exactly between order statistics with the CDF's integral). For a shift, W1 = |m|.
 * The standard error is a seeded bootstrap.
 */
public final class Wasserstein1 extends SortedSampleMetric {

    /** With this many bootstrap resamples (>= 2) drawn from {@code seed}. */
    public Wasserstein1(int resamples, long seed) {
        super("w1", "1-D W1", "1-D W1", resamples, seed);
    }

    @Override
    double twoSample(double[] a, double[] b) {
        return QuantileCoupling.cost(a, b, 1);
    }

    /** F and its integral G at the sorted points, for the exact integral of |F_n - F| between them. */
    @Override
    ToDoubleFunction<int[]> toCdf(double[] a, TargetCdf cdf) {
        double[] f = new double[a.length];
        double[] g = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            f[i] = cdf.cdf(a[i]);
            g[i] = cdf.integral(a[i]);
        }
        return c -> toCdf(a, f, g, cdf, c);
    }

    /**
     * int |F_n - F| over R for the sorted points a taken counts[i] times each, with F and its integral G at the
     * points precomputed: G alone below the first point, 1 - F integrated above the last, |c - F| in between
     * (split where F = c).
     */
    private static double toCdf(double[] a, double[] f, double[] g, TargetCdf cdf, int[] counts) {
        int n = a.length;
        int first = 0;
        while (counts[first] == 0) {
            first++;
        }
        int last = n - 1;
        while (counts[last] == 0) {
            last--;
        }
        double sum = g[first] + g[last] - (a[last] - cdf.mean());
        int below = 0;
        int prev = first;
        for (int i = first; i <= last; i++) {
            if (counts[i] == 0) {
                continue;
            }
            if (i > first && a[i] > a[prev]) {
                double c = (double) below / n;
                double length = a[i] - a[prev];
                double area = g[i] - g[prev];
                if (f[i] <= c) {
                    sum += c * length - area;
                } else if (f[prev] >= c) {
                    sum += area - c * length;
                } else {
                    double mid = cdf.quantile(c, a[prev], a[i]);
                    double gmid = cdf.integral(mid);
                    sum += c * (mid - a[prev]) - (gmid - g[prev]) + (g[i] - gmid) - c * (a[i] - mid);
                }
            }
            below += counts[i];
            prev = i;
        }
        return sum;
    }
}
