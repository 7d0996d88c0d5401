package org.difflab.theory.montecarlo;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.difflab.dsl.target.Targets;

/** Test fixtures: exact 1-D and isotropic normal samples, and closed-form expectations between normals. */
final class Normals {
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private Normals() {}

    /** n samples of N(mean 1, var I) in d dimensions. */
    static double[][] draw(int d, double mean, double var, int n, long seed) {
        return TargetSamples.draw(Targets.gaussian(d, mean, var), n, seed);
    }

    static double phi(double z) {
        return STANDARD.cumulativeProbability(z);
    }

    /** E|X - Y| for independent X ~ N(m1, s1^2), Y ~ N(m2, s2^2). */
    static double meanAbsDifference(double m1, double s1, double m2, double s2) {
        double mu = m1 - m2;
        double s = Math.sqrt(s1 * s1 + s2 * s2);
        return Math.sqrt(2 / Math.PI) * s * Math.exp(-mu * mu / (2 * s * s)) + mu * (1 - 2 * phi(-mu / s));
    }

    /** E exp(-(X - Y)^2 / (2 sk^2)) for independent X ~ N(m1, s1^2), Y ~ N(m2, s2^2). */
    static double meanGaussianKernel(double sk, double m1, double s1, double m2, double s2) {
        double mu = m1 - m2;
        double v = sk * sk + s1 * s1 + s2 * s2;
        return sk / Math.sqrt(v) * Math.exp(-mu * mu / (2 * v));
    }
}
