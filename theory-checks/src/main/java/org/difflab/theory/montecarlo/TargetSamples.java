package org.difflab.theory.montecarlo;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import org.difflab.dsl.Require;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.target.Target;

/** Exact samples of a target as rows, drawn in float64 from per-sample noise (reproducible for a seed, whatever n). */
public final class TargetSamples {
    private TargetSamples() {}

    /** n exact samples of the target drawn with {@code NoiseSources.perSample(seed)}. */
    public static double[][] draw(Target target, int n, long seed) {
        Require.notNull("target", target);
        Require.positive("n", n);
        int d = target.dim();
        double[] flat;
        try (NDManager manager = NDManager.newBaseManager()) {
            flat = target.sample(manager, NoiseSources.perSample(seed).open(0, n), DataType.FLOAT64).toDoubleArray();
        }
        double[][] rows = new double[n][d];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * d, rows[i], 0, d);
        }
        return rows;
    }
}
