package org.difflab.theory.metric;

import java.util.SplittableRandom;

/**
 * Total variation distance TV = sup_A |P(A) - Q(A)| between diagonal Gaussians.
 *
 * <p>In one dimension it is exact ({@link OneDimensionalTotalVariation}).
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

    @Override
    public MetricValue between(DiagonalGaussian p, DiagonalGaussian q) {
        p.requireSameDimension(q);
        if (p.dim() == 1) {
            return MetricValue.exact(OneDimensionalTotalVariation.between(p.mean(0), p.variance(0), q.mean(0), q.variance(0)));
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
