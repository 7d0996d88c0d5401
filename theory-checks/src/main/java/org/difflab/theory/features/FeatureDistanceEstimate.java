package org.difflab.theory.features;

import java.util.Locale;

/**
 * A feature distance with its bootstrap percentile interval and what it was computed on, so a table can print a
 * sampler's distance beside the floors of the same distance at the same sample size.
 *
 * @param distance  the distance's name ({@code fd}, {@code kd})
 * @param value     the distance between the two sets
 * @param lower     the interval's lower end
 * @param upper     the interval's upper end
 * @param bias      the bootstrap's bias estimate, mean(resamples) - value, by which the resamples' percentiles were
 *                  shifted to give the interval (see {@link PercentileBootstrap})
 * @param level     the interval's level, e.g. 0.95
 * @param xRows     rows of the first set
 * @param yRows     rows of the second set
 * @param resamples bootstrap resamples behind the interval
 * @param seed      seed of the resampling
 * @param sets      what the two sets are, e.g. "two disjoint halves of the reference (500 of 10000 rows each)"
 */
public record FeatureDistanceEstimate(String distance, double value, double lower, double upper, double bias, double level, int xRows, int yRows,
        int resamples, long seed, String sets) {

    /** Whether {@code v} lies in the interval (ends included). */
    public boolean covers(double v) {
        return lower <= v && v <= upper;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s = %.6g [%.6g, %.6g] (%.0f%% bootstrap interval, bias %.3g removed, %d resamples, seed %d; %s: %d vs %d rows)",
                distance, value, lower, upper, 100 * level, bias, resamples, seed, sets, xRows, yRows);
    }
}
