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
                    used[u++] = a;
                }
            }
            double s = 0;
            for (int p = 0; p < u; p++) {
                int a = used[p];
                double row = 0;
                for (int q = 0; q < u; q++) {
                    row += c[used[q]] * h[a * n + used[q]];
                }
                s += c[a] * (row - h[a * n + a]);
            }
            boot[r] = s / pairs;
        }
        String points = n < x.length || n < y.length
                ? String.format("n = %d pairs subsampled from %d vs %d (cap %d)", n, x.length, y.length, cap)
                : String.format("n = %d pairs", n);
        return new Estimate(sum / pairs, Bootstrap.sd(boot),
                what + ", unbiased U-statistic, " + points + "; se from " + resamples + " bootstrap resamples (seed " + seed + ")");
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
