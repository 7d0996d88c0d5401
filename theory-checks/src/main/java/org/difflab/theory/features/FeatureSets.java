package org.difflab.theory.features;

import org.difflab.theory.montecarlo.SampleRows;

/** Argument checks of two feature sets for a distance: rectangular, finite, one dimension, enough rows for it. */
final class FeatureSets {
    private FeatureSets() {}

    /** Checks x and y for {@code distance} and returns their feature dimension. */
    static int checkPair(double[][] x, double[][] y, FeatureDistance distance) {
        int d = SampleRows.checkPair(x, y);
        atLeast("x", x.length, distance.minimumRows(d), distance.name() + " in feature dimension " + d);
        atLeast("y", y.length, distance.minimumRows(d), distance.name() + " in feature dimension " + d);
        return d;
    }

    /** Fails unless set {@code name} has at least {@code minimum} rows, which {@code who} needs. */
    static void atLeast(String name, int rows, int minimum, String who) {
        if (rows < minimum) {
            throw new IllegalArgumentException(name + " has " + rows + " rows, which is not allowed: " + who
                    + " needs at least " + minimum + " rows per set");
        }
    }
}
