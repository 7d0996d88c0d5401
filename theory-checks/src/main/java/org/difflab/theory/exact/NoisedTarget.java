package org.difflab.theory.exact;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.theory.metric.DiagonalGaussian;

/**
 * The target N(m, diag(lambda)), given in its eigenbasis, noised to one level of the schedule:
 * N(alpha m, diag(alpha^2 lambda + sigma^2)). It is the law an exact evaluation starts from at t_0 ({@link Init#EXACT})
 * and the reference it ends against at t_n, so the evaluator, {@link SelectionMoments} and the test oracles take it from here.
 */
final class NoisedTarget {

    private NoisedTarget() {
    }

    /** The target with mean {@code mean} and eigenvalues {@code lambda} noised to {@code level}. */
    static DiagonalGaussian law(NoiseLevel level, double[] mean, double[] lambda) {
        int d = mean.length;
        double[] m = new double[d];
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            m[j] = level.alpha() * mean[j];
            v[j] = level.alpha() * level.alpha() * lambda[j] + level.sigma() * level.sigma();
        }
        return new DiagonalGaussian(m, v);
    }

    /** A draw from {@code law} made of the standard normal draw {@code z}: z * sqrt(variance) + mean, coordinate by coordinate. */
    static NDArray draw(NDManager manager, NDArray z, DiagonalGaussian law) {
        int d = law.dim();
        double[] s = new double[d];
        for (int j = 0; j < d; j++) {
            s[j] = Math.sqrt(law.variance(j));
        }
        return z.mul(manager.create(s)).add(manager.create(law.mean()));
    }
}
