package org.difflab.theory.montecarlo;

/** Checks of the arguments shared by the sample metrics: the subsampling cap and the bootstrap resamples. */
final class MetricArgs {
    private MetricArgs() {}

    static int cap(int cap) {
        if (cap < 2) {
            throw new IllegalArgumentException("cap = " + cap + " is not allowed: must be >= 2 points per sample set");
        }
        return cap;
    }

    static int resamples(int resamples) {
        if (resamples < 2) {
            throw new IllegalArgumentException("resamples = " + resamples + " is not allowed: must be >= 2 bootstrap resamples");
        }
        return resamples;
    }
}
