package org.difflab.theory.features;

import java.util.Locale;

/**
 * The difference between two samplers' distances to the same reference set, d(first) - d(second), with its paired
 * bootstrap interval (see {@link SharedReferenceBootstrap}): below 0 means the first sampler is closer to the
 * reference. A claim such as "sampler A ahead of sampler B" is judged by the interval lying below 0, "A within
 * tolerance t of B" by its upper end lying below t.
 *
 * @param distance       the distance's name ({@code fd}, {@code kd})
 * @param first          the first sampler's name
 * @param second         the second sampler's name (a ranking's baseline)
 * @param value          d(first) - d(second)
 * @param lower          the interval's lower end
 * @param upper          the interval's upper end
 * @param bias           the bootstrap's bias estimate of the difference, removed from the resamples' percentiles
 * @param level          the interval's level, e.g. 0.95
 * @param firstDistance  the first sampler's distance with its interval, from the same resamples
 * @param secondDistance the second sampler's distance with its interval, from the same resamples
 */
public record FeatureDistanceDifference(String distance, String first, String second, double value, double lower, double upper, double bias,
        double level, FeatureDistanceEstimate firstDistance, FeatureDistanceEstimate secondDistance) {

    /** Whether {@code v} lies in the interval (ends included). */
    public boolean covers(double v) {
        return lower <= v && v <= upper;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s(%s) - %s(%s) = %.6g [%.6g, %.6g] (%.0f%% paired bootstrap interval, reference resampled once for "
                + "both, bias %.3g removed, %d resamples, seed %d); %s(%s) = %.6g [%.6g, %.6g], %s(%s) = %.6g [%.6g, %.6g] (%d rows each, "
                + "reference %d rows)", distance, first, distance, second, value, lower, upper, 100 * level, bias, firstDistance.resamples(),
                firstDistance.seed(), distance, first, firstDistance.value(), firstDistance.lower(), firstDistance.upper(), distance, second,
                secondDistance.value(), secondDistance.lower(), secondDistance.upper(), firstDistance.xRows(), firstDistance.yRows());
    }
}
