package org.difflab.dsl.spec;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * The "did you mean" of the command line and of spec names: the candidate nearest to what was typed by edit distance (case ignored),
 * offered only when it is close enough to be a plausible typo (at most two letters or a third of the longer word's differ, or
 * one word starts with the other).
 */
public final class Closest {
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private Closest() {}

    /** The candidate nearest to {@code typed}, if one is near enough. */
    public static Optional<String> to(String typed, Collection<String> candidates) {
        String t = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            String lc = c.toLowerCase(Locale.ROOT);
            int d = DISTANCE.apply(t, lc);
            if (d < bestDistance && (d <= Math.max(2, Math.max(t.length(), lc.length()) / 3) || lc.startsWith(t) || t.startsWith(lc))) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(t.isEmpty() ? null : best);
    }

    /** {@code "; did you mean 'X'?"} or nothing. */
    public static String suggestion(String typed, Collection<String> candidates) {
        return to(typed, candidates).map(c -> "; did you mean '" + c + "'?").orElse("");
    }
}
