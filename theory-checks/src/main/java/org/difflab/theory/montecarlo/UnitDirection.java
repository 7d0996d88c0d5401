package org.difflab.theory.montecarlo;

import java.util.SplittableRandom;

/**
 * A random direction uniform on the unit sphere: a standard Gaussian vector normalised (Muller 1959), drawn again in the
 * practically impossible case of a norm below 1e-12. Shared by the sliced Wasserstein distances, so that one seed gives
 * the same directions in both.
 */
final class UnitDirection {
    private UnitDirection() {}

    /** Fills {@code direction} (its length is the dimension) with a uniform unit vector drawn from {@code rng}. */
    static void draw(SplittableRandom rng, double[] direction) {
        int d = direction.length;
        double norm = 0;
        while (!(norm > 1e-12)) {
            norm = 0;
            for (int k = 0; k < d; k++) {
                direction[k] = rng.nextGaussian();
                norm += direction[k] * direction[k];
            }
        }
        norm = Math.sqrt(norm);
        for (int k = 0; k < d; k++) {
            direction[k] /= norm;
        }
    }
}
