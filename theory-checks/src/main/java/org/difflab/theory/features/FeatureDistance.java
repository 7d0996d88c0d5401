package org.difflab.theory.features;

/**
 * A distance between two feature sets (rows = samples, columns = the features of a feature network, e.g. a
 * classifier's penultimate layer), prepared once so that a bootstrap can evaluate it on many resamples cheaply. A
 * resample is given by how often each row is drawn ({@code counts}); all ones is the sets themselves.
 */
public interface FeatureDistance {

    /** Short name, e.g. {@code fd}. */
    String name();

    /** The fewest rows per set this distance accepts in this feature dimension. */
    int minimumRows(int dimension);

    /**
     * The distance prepared on checked sets of the same dimension with at least {@link #minimumRows} rows each; fails
     * naming the set, its row count and the limit when a set is too small or too large for this distance.
     */
    Prepared prepare(double[][] x, double[][] y);

    /** A distance prepared on two sets, evaluated on resamples of them. */
    interface Prepared {
        /**
         * The distance between the resamples drawing row a of x {@code xCounts[a]} times and row b of y
         * {@code yCounts[b]} times; all counts 1 gives the distance between the sets.
         */
        double at(int[] xCounts, int[] yCounts);
    }
}
