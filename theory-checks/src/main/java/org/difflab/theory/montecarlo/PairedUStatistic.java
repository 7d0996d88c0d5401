package org.difflab.theory.montecarlo;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The unbiased two-sample U-statistic of a kernel k on equal-size samples (Gretton et al. 2012, Lemma 6):
 * U = 1/(n(n-1)) sum_{i != j} h(z_i, z_j), h(z_i, z_j) = k(x_i, x_j) + k(y_i, y_j) - k(x_i, y_j) - k(x_j, y_i),
 * an unbiased estimate of E k(X, X') + E k(Y, Y') - 2 E k(X, Y) (MMD^2, or the energy distance for k = -|x - y|).
 * Cost is O(n^2) time and memory, so each sample set is first reduced to n = min(|x|, |y|, cap) rows by seeded
 * subsampling without replacement. The standard error is a seeded bootstrap over the pairs z_i = (x_i, y_i) on
 * the stored matrix h: a resample with counts c gives (c^T H c - sum_a c_a H_aa) / (n(n-1)).
 */
final class PairedUStatistic {
    /** A symmetric kernel on rows. */
    interface Kernel {
        double at(double[] a, double[] b);
    }

    private PairedUStatistic() {}

    /** The estimate, its bootstrap standard error, and a description naming the points used. */
    static Estimate estimate(double[][] x, double[][] y, Kernel k, int cap, int resamples, long seed, String what) {
        int n = Math.min(cap, Math.min(x.length, y.length));
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] xs = subsample(x, n, rng);
        double[][] ys = subsample(y, n, rng);
        double[] h = new double[n * n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            int row = i;
            Interruption.stopIfInterrupted(() -> what + " was interrupted in its pairwise kernel (row " + (row + 1) + " of " + n + "); "
                    + "it was not computed");
            h[i * n + i] = k.at(xs[i], xs[i]) + k.at(ys[i], ys[i]) - 2 * k.at(xs[i], ys[i]);
            for (int j = i + 1; j < n; j++) {
                double v = k.at(xs[i], xs[j]) + k.at(ys[i], ys[j]) - k.at(xs[i], ys[j]) - k.at(xs[j], ys[i]);
                h[i * n + j] = v;
                h[j * n + i] = v;
                sum += 2 * v;
            }
        }
        double pairs = (double) n * (n - 1);
        double[] boot = new double[resamples];
        int[] c = new int[n];
        int[] used = new int[n];
        double[] weight = new double[n];
        for (int r = 0; r < resamples; r++) {
            int resample = r;
            Interruption.stopIfInterrupted(() -> what + " was interrupted before bootstrap resample " + (resample + 1) + " of " + resamples
                    + "; it was not computed");
            Arrays.fill(c, 0);
            for (int i = 0; i < n; i++) {
                c[rng.nextInt(n)]++;
            }
            int u = 0;
            for (int a = 0; a < n; a++) {
                if (c[a] > 0) {
                    used[u] = a;
                    weight[u++] = c[a];
                }
            }
            boot[r] = resampled(h, n, used, weight, u) / pairs;
        }
        String points = n < x.length || n < y.length
                ? String.format("n = %d pairs subsampled from %d vs %d (cap %d)", n, x.length, y.length, cap)
                : String.format("n = %d pairs", n);
        return new Estimate(sum / pairs, Bootstrap.sd(boot),
                what + ", unbiased U-statistic, " + points + "; se from " + resamples + " bootstrap resamples (seed " + seed + ")");
    }

    /**
     * c^T H c - sum_a c_a H_aa over the rows and columns {@code used[0..u)} with counts {@code weight}: each row's sum in
     * column order, the rows' terms added in row order. Four rows are summed side by side (four independent chains of
     * additions where one row waits for each addition before the next) in the same order each, so the result is the same
     * bits as one row at a time, in half the time (0.20 against 0.41 ms a resample at n = 1001, 1.4 against 2.7 at 2000).
     */
    static double resampled(double[] h, int n, int[] used, double[] weight, int u) {
        double s = 0;
        int p = 0;
        for (; p + 4 <= u; p += 4) {
            int r0 = used[p] * n;
            int r1 = used[p + 1] * n;
            int r2 = used[p + 2] * n;
            int r3 = used[p + 3] * n;
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (int q = 0; q < u; q++) {
                int col = used[q];
                double w = weight[q];
                s0 += w * h[r0 + col];
                s1 += w * h[r1 + col];
                s2 += w * h[r2 + col];
                s3 += w * h[r3 + col];
            }
            s += weight[p] * (s0 - h[r0 + used[p]]);
            s += weight[p + 1] * (s1 - h[r1 + used[p + 1]]);
            s += weight[p + 2] * (s2 - h[r2 + used[p + 2]]);
            s += weight[p + 3] * (s3 - h[r3 + used[p + 3]]);
        }
        for (; p < u; p++) {
            int r0 = used[p] * n;
            double s0 = 0;
            for (int q = 0; q < u; q++) {
                s0 += weight[q] * h[r0 + used[q]];
            }
            s += weight[p] * (s0 - h[r0 + used[p]]);
        }
        return s;
    }

    /** k rows chosen without replacement (all rows, in order, when k = rows.length). */
    static double[][] subsample(double[][] rows, int k, SplittableRandom rng) {
        if (k == rows.length) {
            return rows;
        }
        int[] idx = new int[rows.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        double[][] out = new double[k][];
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(idx.length - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
            out[i] = rows[idx[i]];
        }
        return out;
    }

    /** Euclidean distance between rows. */
    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            double d = a[j] - b[j];
            s += d * d;
        }
        return Math.sqrt(s);
    }
}
