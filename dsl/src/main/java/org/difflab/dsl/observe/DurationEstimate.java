package org.difflab.dsl.observe;

import java.util.Locale;
import java.util.Optional;

/**
 * The time a long request will take on this machine, said in one line before (or as soon as) it starts: measured work
 * (a probe of the same computation at small size, or a run's own first iterations) scaled linearly to the whole
 * request. Linear scaling is the cost model: a sampling run's time is its batches times its steps times the time of one
 * batch-step; training's is its iterations times one iteration's. The line appears only when the estimate passes
 * {@link #ANNOUNCE_SECONDS}: shorter runs say nothing more than their progress.
 *
 * @param seconds the estimated time of the whole request
 * @param basis   how it was estimated, for the line ("from a 4-step probe of one batch")
 */
public record DurationEstimate(double seconds, String basis) {
    /** Runs estimated longer than this announce their estimate. */
    public static final double ANNOUNCE_SECONDS = 10;

    /**
     * Scales a measured probe to the request: {@code probeSeconds} for {@code probeUnits} units of work (batch-steps,
     * iterations), {@code units} in the request.
     */
    public static DurationEstimate scaled(double probeSeconds, double probeUnits, double units, String basis) {
        if (!(probeSeconds >= 0) || !(probeUnits > 0) || !(units >= 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "probe of %s s for %s units, request of %s units is not allowed: "
                    + "times and units must be >= 0 (probe units > 0)", probeSeconds, probeUnits, units));
        }
        return new DurationEstimate(probeSeconds / probeUnits * units, basis);
    }

    /** The line to print for {@code command} when the estimate passes the threshold, e.g. "difflab sample: about 2 min on this machine (...)". */
    public Optional<String> line(String command) {
        return seconds > ANNOUNCE_SECONDS ? Optional.of(command + ": " + human(seconds) + " on this machine (" + basis + ")") : Optional.empty();
    }

    /** A duration as people say it: "about 40 s", "about 2 min", "about 1.5 h", "about 3 days". */
    public static String human(double seconds) {
        if (seconds < 90) {
            return String.format(Locale.ROOT, "about %.0f s", Math.max(1, seconds));
        }
        if (seconds < 90 * 60) {
            return String.format(Locale.ROOT, "about %.0f min", seconds / 60);
        }
        if (seconds < 48 * 3600) {
            return String.format(Locale.ROOT, "about %.1f h", seconds / 3600);
        }
        return String.format(Locale.ROOT, "about %.0f days", seconds / 86400);
    }
}
