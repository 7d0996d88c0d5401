package org.difflab.theory.montecarlo;

import java.util.Arrays;
import java.util.Locale;

/**
 * The median heuristic's kernel bandwidth (Gretton et al. 2012): the median of the pooled pairwise distances, refused
 * when it is not positive (rows without spread leave the Gaussian kernel without a scale). Serves {@link Mmd} on its
 * subsampled rows and {@link PairedDistances} on its precomputed distances alike.
 */
final class MedianBandwidth {

    private MedianBandwidth() {
    }

    /**
     * The median of {@code distances}, which it sorts in place.
     *
     * @param refusal the message when the median is not &gt; 0, with {@code %s} where the median goes
     */
    static double of(double[] distances, String refusal) {
        Arrays.sort(distances);
        int n = distances.length;
        double median = n % 2 == 1 ? distances[n / 2] : 0.5 * (distances[n / 2 - 1] + distances[n / 2]);
        if (!(median > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, refusal, median));
        }
        return median;
    }
}
