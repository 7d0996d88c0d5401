package org.difflab.theory.montecarlo;

import java.util.SplittableRandom;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;

/**
 * Seeded nonparametric bootstrap standard errors (Efron and Tibshirani 1993, ch. 6) of statistics of sorted 1-D
 * samples: the standard deviation of the statistic over resamples drawn with replacement. A resample is given by
 * its counts over the sorted original points, so it is sorted in O(n) without sorting again.
 */
final class Bootstrap {
    private Bootstrap() {}

    /** Standard error of a statistic of one sorted sample of size n, given the resample counts over its points. */
    static double standardError(int n, int resamples, long seed, ToDoubleFunction<int[]> statistic) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] values = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            stopIfInterrupted(r, resamples);
            values[r] = statistic.applyAsDouble(counts(n, rng));
        }
        return sd(values);
    }

    /** Standard error of a statistic of two independent sorted samples, each resampled. */
    static double standardError(double[] a, double[] b, int resamples, long seed, ToDoubleBiFunction<double[], double[]> statistic) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] values = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            stopIfInterrupted(r, resamples);
            values[r] = statistic.applyAsDouble(expand(a, counts(a.length, rng)), expand(b, counts(b.length, rng)));
        }
        return sd(values);
    }

    /**
     * Each resample costs a statistic of the whole sample (seconds for many resamples of millions of samples): Ctrl-C
     * or a notebook's interrupt stops between resamples, consuming the flag.
     */
    private static void stopIfInterrupted(int r, int resamples) {
        Interruption.stopIfInterrupted(() -> "the bootstrap was interrupted before resample " + (r + 1) + " of " + resamples
                + "; its standard error was not computed");
    }

    /** How often each of n points is drawn in n draws with replacement. */
    private static int[] counts(int n, SplittableRandom rng) {
        int[] c = new int[n];
        for (int i = 0; i < n; i++) {
            c[rng.nextInt(n)]++;
        }
        return c;
    }

    /** The sorted resample of sorted a with these counts. */
    private static double[] expand(double[] a, int[] counts) {
        double[] out = new double[a.length];
        int p = 0;
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < counts[i]; k++) {
                out[p++] = a[i];
            }
        }
        return out;
    }

    /** Sample standard deviation (n - 1 denominator). */
    static double sd(double[] v) {
        double mean = 0;
        for (double x : v) {
            mean += x / v.length;
        }
        double ss = 0;
        for (double x : v) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (v.length - 1));
    }
}
