package org.difflab.theory.metric;

import org.apache.commons.math3.special.Erf;

/**
 * The exact total variation distance between two one-dimensional Gaussians: the set {p > q} is bounded by the (at
 * most two) crossing points of the densities, the roots of a quadratic (taken in the cancellation-free form of
 * Numerical Recipes section 5.6), and TV = |P(I) - Q(I)| for the interval I between them, with normal CDFs from erfc.
 * With equal variances this is 2 Phi(|dm| / (2 s)) - 1. Used by {@link TotalVariation} (d = 1) and
 * {@link IsotropicTotalVariation} (its half-space case).
 */
public final class OneDimensionalTotalVariation {
    private OneDimensionalTotalVariation() {}

    /** Exact TV between N(m1, v1) and N(m2, v2). */
    public static double between(double m1, double v1, double m2, double v2) {
        double a = 0.5 / v2 - 0.5 / v1;
        double b = m1 / v1 - m2 / v2;
        double c = m2 * m2 / (2 * v2) - m1 * m1 / (2 * v1) + 0.5 * Math.log(v2 / v1);
        double lo;
        double hi;
        if (a == 0) {
            if (b == 0) {
                return 0;
            }
            lo = Double.NEGATIVE_INFINITY;
            hi = -c / b;
        } else {
            double disc = Math.max(0, b * b - 4 * a * c);
            double qq = -0.5 * (b + Math.copySign(Math.sqrt(disc), b));
            double r1 = qq / a;
            double r2 = qq == 0 ? -r1 : c / qq;
            lo = Math.min(r1, r2);
            hi = Math.max(r1, r2);
        }
        double s1 = Math.sqrt(v1);
        double s2 = Math.sqrt(v2);
        double p = cdf((hi - m1) / s1) - cdf((lo - m1) / s1);
        double q = cdf((hi - m2) / s2) - cdf((lo - m2) / s2);
        return Math.abs(p - q);
    }

    private static double cdf(double z) {
        if (z == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        return 0.5 * Erf.erfc(-z / Math.sqrt(2));
    }
}
