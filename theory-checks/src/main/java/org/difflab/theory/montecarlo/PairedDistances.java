package org.difflab.theory.montecarlo;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Distances of several runs' samples to one set of truth samples, with bootstrap standard errors of each distance and
 * of each run's difference to run 0, the reference (Efron and Tibshirani 1993, ch. 6). The runs are paired row by row
 * (sample i of every run starts from the same noise, as with DiffLab's per-sample streams), so every bootstrap
 * replicate draws one set of row indices for all runs and one for the truth: what the runs share cancels in their
 * differences, which the combined standard error of two separate estimates would count twice.
 *
 * <p>Two distances, each computed once on the pooled points so that a replicate costs no more than re-indexing:
 * MMD^2 with a Gaussian kernel (Gretton et al. 2012, the unbiased U-statistic) whose bandwidth, the median pairwise
 * distance of the truth and the reference pooled (as {@link Mmd}'s median heuristic on those two), is the same for every
 * run (so their values are comparable); and
 * the squared sliced 2-Wasserstein distance over seeded random directions (Rabin et al. 2011).
 *
 * @param values               per run, its distance to the truth
 * @param standardErrors       per run, the bootstrap standard error of its distance
 * @param differences          per run, its distance minus the reference's (0 for run 0)
 * @param differenceErrors     per run, the paired bootstrap standard error of that difference (0 for run 0)
 * @param method               how the distance was computed
 */
public record PairedDistances(double[] values, double[] standardErrors, double[] differences, double[] differenceErrors, String method) {

    /** A distance evaluated on row indices into each run (paired) and into the truth. */
    private interface Indexed {
        double value(int run, int[] rows, int[] truthRows);
    }

    /** MMD^2 of each run to the truth, bandwidth by the median heuristic on the truth and run 0 pooled. */
    public static PairedDistances mmd(List<double[][]> runs, double[][] truth, int resamples, long seed) {
        int n = check(runs, truth);
        int m = runs.size();
        int t = truth.length;
        double[][] pooled = new double[m * n + t][];
        for (int r = 0; r < m; r++) {
            System.arraycopy(runs.get(r), 0, pooled, r * n, n);
        }
        System.arraycopy(truth, 0, pooled, m * n, t);
        int size = pooled.length;
        double[] sq = new double[size * size];
        for (int i = 0; i < size; i++) {
            stopIfInterrupted("MMD^2", "pairwise distances", i, size);
            for (int j = i + 1; j < size; j++) {
                double s = 0;
                double[] a = pooled[i];
                double[] b = pooled[j];
                for (int k = 0; k < a.length; k++) {
                    double d = a[k] - b[k];
                    s += d * d;
                }
                sq[i * size + j] = s;
                sq[j * size + i] = s;
            }
        }
        double bandwidth = medianDistance(sq, size, n, m * n, t);
        double[] kernel = new double[sq.length];
        for (int row = 0; row < size; row++) {
            stopIfInterrupted("MMD^2", "kernel", row, size);
            for (int i = row * size; i < (row + 1) * size; i++) {
                kernel[i] = Math.exp(-sq[i] / (2 * bandwidth * bandwidth));
            }
        }
        Indexed mmd = (run, rows, truthRows) -> {
            int base = run * n;
            int tb = m * n;
            return within(kernel, size, base, rows) + within(kernel, size, tb, truthRows) - 2 * between(kernel, size, base, rows, tb, truthRows);
        };
        return bootstrap(mmd, m, n, t, resamples, seed, String.format(java.util.Locale.ROOT, "MMD^2 (unbiased), Gaussian kernel with "
                + "bandwidth %.4g (median distance of the truth and the reference pooled), %d rows per run, %d truth rows, paired bootstrap "
                + "over %d resamples", bandwidth, n, t, resamples));
    }

    /** Squared sliced W2 of each run to the truth over {@code directions} seeded random directions. */
    public static PairedDistances slicedW2(List<double[][]> runs, double[][] truth, int directions, int resamples, long seed) {
        int n = check(runs, truth);
        if (directions < 1) {
            throw new IllegalArgumentException("directions = " + directions + " is not allowed: must be >= 1");
        }
        int m = runs.size();
        int d = truth[0].length;
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] theta = new double[directions][d];
        for (double[] dir : theta) {
            UnitDirection.draw(rng, dir);
        }
        double[][][] runProjections = new double[m][][];
        for (int r = 0; r < m; r++) {
            runProjections[r] = project(runs.get(r), theta);
        }
        double[][] truthProjections = project(truth, theta);
        Indexed sw = (run, rows, truthRows) -> {
            double total = 0;
            double[] a = new double[rows.length];
            double[] b = new double[truthRows.length];
            for (int l = 0; l < directions; l++) {
                double[] pr = runProjections[run][l];
                double[] pt = truthProjections[l];
                for (int i = 0; i < rows.length; i++) {
                    a[i] = pr[rows[i]];
                }
                for (int j = 0; j < truthRows.length; j++) {
                    b[j] = pt[truthRows[j]];
                }
                Arrays.sort(a);
                Arrays.sort(b);
                total += QuantileCoupling.cost(a, b, 2);
            }
            return total / directions;
        };
        return bootstrap(sw, m, n, truth.length, resamples, seed ^ 0x5A5A, String.format(java.util.Locale.ROOT, "sliced W2^2 over %d random "
                + "directions, %d rows per run, %d truth rows, paired bootstrap over %d resamples", directions, n, truth.length, resamples));
    }

    private static PairedDistances bootstrap(Indexed distance, int m, int n, int t, int resamples, long seed, String method) {
        MetricArgs.resamples(resamples);
        int[] all = identity(n);
        int[] allTruth = identity(t);
        double[] values = new double[m];
        for (int r = 0; r < m; r++) {
            values[r] = distance.value(r, all, allTruth);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] replicate = new double[m][resamples];
        for (int b = 0; b < resamples; b++) {
            stopIfInterrupted(method.substring(0, method.indexOf(',')), "bootstrap resamples", b, resamples);
            int[] rows = draw(n, rng);
            int[] truthRows = draw(t, rng);
            for (int r = 0; r < m; r++) {
                replicate[r][b] = distance.value(r, rows, truthRows);
            }
        }
        double[] se = new double[m];
        double[] diff = new double[m];
        double[] diffSe = new double[m];
        for (int r = 0; r < m; r++) {
            se[r] = Bootstrap.sd(replicate[r]);
            diff[r] = values[r] - values[0];
            double[] d = new double[resamples];
            for (int b = 0; b < resamples; b++) {
                d[b] = replicate[r][b] - replicate[0][b];
            }
            diffSe[r] = Bootstrap.sd(d);
        }
        return new PairedDistances(values, se, diff, diffSe, method);
    }

    /**
     * Ctrl-C inside the O(n^2) loops (pairwise distances, kernel and median over every pooled row: tens of seconds for
     * tens of thousands of rows) and between bootstrap resamples, which re-sum the n x n kernel (see {@link Interruption}).
     */
    private static void stopIfInterrupted(String distance, String loop, int done, int total) {
        Interruption.stopIfInterrupted(() -> String.format(java.util.Locale.ROOT, "the paired distances (%s) were interrupted in their %s "
                + "(%d of %d done); nothing was computed", distance, loop, done, total));
    }

    /** Mean of k over pairs of distinct positions of {@code rows} (offset into the pooled points). */
    private static double within(double[] kernel, int size, int offset, int[] rows) {
        double s = 0;
        for (int i = 0; i < rows.length; i++) {
            int row = (offset + rows[i]) * size + offset;
            for (int j = 0; j < rows.length; j++) {
                if (i != j) {
                    s += kernel[row + rows[j]];
                }
            }
        }
        return s / ((double) rows.length * (rows.length - 1));
    }

    private static double between(double[] kernel, int size, int offsetA, int[] a, int offsetB, int[] b) {
        double s = 0;
        for (int i : a) {
            int row = (offsetA + i) * size + offsetB;
            for (int j : b) {
                s += kernel[row + j];
            }
        }
        return s / ((double) a.length * b.length);
    }

    /** Median of the pairwise distances among the reference's rows and the truth's, pooled. */
    private static double medianDistance(double[] sq, int size, int n, int truthOffset, int t) {
        int[] points = new int[n + t];
        for (int i = 0; i < n; i++) {
            points[i] = i;
        }
        for (int j = 0; j < t; j++) {
            points[n + j] = truthOffset + j;
        }
        double[] d = new double[points.length * (points.length - 1) / 2];
        int p = 0;
        for (int i = 0; i < points.length; i++) {
            stopIfInterrupted("MMD^2", "median distance", i, points.length);
            for (int j = i + 1; j < points.length; j++) {
                d[p++] = Math.sqrt(sq[points[i] * size + points[j]]);
            }
        }
        return MedianBandwidth.of(d, "the truth and the reference rows are all equal (median distance %s): the MMD's bandwidth needs spread");
    }

    private static double[][] project(double[][] rows, double[][] theta) {
        double[][] out = new double[theta.length][rows.length];
        for (int l = 0; l < theta.length; l++) {
            for (int i = 0; i < rows.length; i++) {
                double s = 0;
                for (int k = 0; k < theta[l].length; k++) {
                    s += rows[i][k] * theta[l][k];
                }
                out[l][i] = s;
            }
        }
        return out;
    }

    private static int check(List<double[][]> runs, double[][] truth) {
        if (runs == null || runs.isEmpty()) {
            throw new IllegalArgumentException("runs = " + runs + " is not allowed: give at least 1 run (run 0 is the reference)");
        }
        int d = SampleRows.check("truth", truth);
        SampleRows.atLeast("truth", truth, 2);
        int n = runs.get(0).length;
        for (int r = 0; r < runs.size(); r++) {
            double[][] rows = runs.get(r);
            int dr = SampleRows.check("runs[" + r + "]", rows);
            SampleRows.atLeast("runs[" + r + "]", rows, 2);
            if (dr != d || rows.length != n) {
                throw new IllegalArgumentException("runs[" + r + "] has " + rows.length + " rows of dimension " + dr + ", which is not "
                        + "allowed: paired runs need " + n + " rows each, of the truth's dimension " + d);
            }
        }
        return n;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static int[] draw(int n, SplittableRandom rng) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextInt(n);
        }
        return out;
    }
}
