package org.difflab.theory.features;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Several samplers' distances to one reference set, each against a named baseline (e.g. DDPM-1000) with a paired
 * interval of the difference (see {@link SharedReferenceBootstrap}), all from the same resamples.
 *
 * @param baseline    the baseline sampler's name
 * @param differences per other sampler, in the order given, its distance minus the baseline's
 */
public record FeatureRanking(String baseline, List<FeatureDistanceDifference> differences) {

    public FeatureRanking {
        if (differences.isEmpty()) {
            throw new IllegalArgumentException("differences is empty, which is not allowed: a ranking needs at least one sampler besides "
                    + "the baseline " + baseline);
        }
        differences = List.copyOf(differences);
    }

    /** The difference of {@code sampler}'s distance to the baseline's; fails naming the samplers there are. */
    public FeatureDistanceDifference against(String sampler) {
        return differences.stream().filter(d -> d.first().equals(sampler)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "sampler = " + sampler + " is not allowed: this ranking against " + baseline + " has "
                        + differences.stream().map(FeatureDistanceDifference::first).collect(Collectors.joining(", "))));
    }

    /** The baseline's distance with its interval. */
    public FeatureDistanceEstimate baselineDistance() {
        return differences.get(0).secondDistance();
    }

    /** A table, closest sampler first: each sampler's distance and its difference to the baseline, with intervals. */
    @Override
    public String toString() {
        FeatureDistanceDifference any = differences.get(0);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%s to the reference (%d rows), %.0f%% paired bootstrap intervals "
                + "(%d resamples, seed %d), against %s = %.6g [%.6g, %.6g]%n", any.distance(), any.firstDistance().yRows(), 100 * any.level(),
                any.firstDistance().resamples(), any.firstDistance().seed(), baseline, baselineDistance().value(), baselineDistance().lower(),
                baselineDistance().upper()));
        for (FeatureDistanceDifference d : differences.stream().sorted(Comparator.comparingDouble(FeatureDistanceDifference::value)).toList()) {
            FeatureDistanceEstimate e = d.firstDistance();
            table.append(String.format(Locale.ROOT, "  %-24s %s = %.6g [%.6g, %.6g]   minus %s: %+.6g [%+.6g, %+.6g]%n", d.first(), d.distance(),
                    e.value(), e.lower(), e.upper(), baseline, d.value(), d.lower(), d.upper()));
        }
        return table.toString();
    }
}
