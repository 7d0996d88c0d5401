package org.difflab.theory.metric;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;

/**
 * Total variation distance TV = sup_A |P(A) - Q(A)| between diagonal Gaussians.
 *
 * <p>In one dimension it is exact: the set {p > q} is bounded by the (at most two) crossing points of the
 * densities, the roots of a quadratic (taken in the cancellation-free form of Numerical Recipes section 5.6), and
 * TV = |P(I) - Q(I)| for the interval I between them, with normal CDFs from erfc. With equal variances this is
 * 2 Phi(|dm| / (2 s)) - 1.
 *
 * <p>In d dimensions it is exact when both laws are isotropic (every coordinate of a law has the same variance, as
 * compared bitwise): {@link IsotropicTotalVariation}, which depends on the means only through their distance.
 * Otherwise there is no closed form: the result carries the bracket H^2 <= TV <= H sqrt(2 - H^2)
 * (H^2 = 1 - BC, Le Cam's inequalities; Tsybakov, Introduction to Nonparametric Estimation, Lemma 2.3), and as
 * estimate the Monte Carlo mean of (1 - q(X)/p(X))^+ over X ~ p (seeded, with its standard error), clipped into
 * the bracket.
 */
public final class TotalVariation implements Metric {
    private final int samples;
    private final long seed;

    /** {@code samples}: Monte Carlo size for d > 1 (at least 100); {@code seed}: its seed. */
    public TotalVariation(int samples, long seed) {
        if (samples < 100) {
            throw new IllegalArgumentException("samples = " + samples + " is not allowed: must be >= 100");
        }
        this.samples = samples;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "tv";
    }

    /** Exact TV between N(m1, v1) and N(m2, v2). */
    public static double oneDimensional(double m1, double v1, double m2, double v2) {
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

    @Override
    public MetricValue between(DiagonalGaussian p, DiagonalGaussian q) {
        p.requireSameDimension(q);
        if (p.dim() == 1) {
            return MetricValue.exact(oneDimensional(p.mean(0), p.variance(0), q.mean(0), q.variance(0)));
        }
        if (isotropic(p) && isotropic(q)) {
            double dist2 = 0;
            for (int j = 0; j < p.dim(); j++) {
                double dm = p.mean(j) - q.mean(j);
                dist2 += dm * dm;
            }
            return MetricValue.exact(IsotropicTotalVariation.between(p.dim(), Math.sqrt(dist2), p.variance(0), q.variance(0)));
        }
        double h2 = Hellinger.squared(p, q);
        double lower = h2;
        double upper = Math.min(1, Math.sqrt(h2 * (2 - h2)));
        SplittableRandom rng = new SplittableRandom(seed);
        int d = p.dim();
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < samples; i++) {
            double logRatio = 0; // ln q(x) - ln p(x)
            for (int j = 0; j < d; j++) {
                double sp = Math.sqrt(p.variance(j));
                double z = gaussian(rng);
                double x = p.mean(j) + sp * z;
                double u = (x - q.mean(j)) / Math.sqrt(q.variance(j));
                logRatio += 0.5 * (z * z - u * u) - 0.5 * Math.log(q.variance(j) / p.variance(j));
            }
            double f = Math.max(0, -Math.expm1(logRatio));
            sum += f;
            sumSq += f * f;
        }
        double mean = sum / samples;
        double se = Math.sqrt(Math.max(0, sumSq / samples - mean * mean) / (samples - 1));
        return new MetricValue(Math.min(upper, Math.max(lower, mean)), lower, upper, se);
    }

    /** Whether every coordinate has the same variance (bitwise). */
    private static boolean isotropic(DiagonalGaussian g) {
        for (int j = 1; j < g.dim(); j++) {
            if (g.variance(j) != g.variance(0)) {
                return false;
            }
        }
        return true;
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
