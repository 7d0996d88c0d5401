package org.difflab.dsl.hierarchy;

import java.util.Arrays;
import org.difflab.dsl.Require;

/**
 * Pilot estimates of a hierarchy's level differences delta_k, over the whole run or per time bin, from which
 * multilevel samplers set their rates lambda_k(t) = Lambda delta_k(t) / sqrt(C_k) (research note mlem_parallel.md,
 * section A.2, "time-dependent rates": delta_k(t) grows sharply near the data end for trained networks, so a global
 * rate over-spends early and under-spends late).
 *
 * <p>Bins are the half-open intervals [e_i, e_{i+1}) of the noise level's t, the last one closed, as in
 * {@link LevelDifferences}; a time outside the edges takes the nearest bin.
 */
public final class PilotDifferences {
    private final double[] binEdges; // null: one bin
    private final double[][] deltas; // [bin][k - 1]

    PilotDifferences(double[] binEdges, double[][] deltas) {
        this.binEdges = binEdges;
        this.deltas = deltas;
    }

    /** One set delta_1..delta_K for every time, e.g. known ones of a synthetic hierarchy. */
    public static PilotDifferences global(double[] deltas, int levels) {
        Require.notNull("deltas", deltas);
        if (deltas.length != levels) {
            throw new IllegalArgumentException("deltas has " + deltas.length + " entries, which is not allowed: one per level, " + levels);
        }
        for (int k = 0; k < deltas.length; k++) {
            Require.nonNegative("deltas[" + k + "]", deltas[k]);
        }
        return new PilotDifferences(null, new double[][] {deltas.clone()});
    }

    /** Number of levels K. */
    public int levels() {
        return deltas[0].length;
    }

    /** Number of time bins (1 for global differences). */
    public int bins() {
        return deltas.length;
    }

    /** delta_1..delta_K at time t (index 0 = level 1; a copy). */
    public double[] at(double t) {
        return deltas[bin(t)].clone();
    }

    /** The largest delta_k over the bins, per level (index 0 = level 1). */
    public double[] max() {
        double[] m = deltas[0].clone();
        for (double[] bin : deltas) {
            for (int k = 0; k < m.length; k++) {
                m[k] = Math.max(m[k], bin[k]);
            }
        }
        return m;
    }

    private int bin(double t) {
        if (binEdges == null) {
            return 0;
        }
        for (int i = 1; i < binEdges.length - 1; i++) {
            if (t < binEdges[i]) {
                return i - 1;
            }
        }
        return binEdges.length - 2;
    }

    @Override
    public String toString() {
        return binEdges == null ? "delta " + Arrays.toString(deltas[0])
                : "delta per bin " + Arrays.toString(binEdges) + ": " + Arrays.deepToString(deltas);
    }
}
