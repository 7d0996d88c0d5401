package org.difflab.plugin.bench;

import java.util.Arrays;

/**
 * The median of repeated measurements with their lowest and highest value: benchmarks on a shared machine are noisy,
 * so one figure alone would claim more than it knows.
 */
public record Spread(double median, double low, double high) {

    /** The median, lowest and highest of {@code values} (at least one). */
    public static Spread of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("values is empty, which is not allowed: at least one measurement");
        }
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        double median = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return new Spread(median, v[0], v[n - 1]);
    }
}
