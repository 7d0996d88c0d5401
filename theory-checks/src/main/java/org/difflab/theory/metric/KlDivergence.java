package org.difflab.theory.metric;

import java.util.List;

/**
 * Kullback-Leibler divergence between diagonal Gaussians, in closed form:
 * KL(p || q) = 1/2 sum_j [ (v_p - v_q)/v_q - ln(v_p/v_q) + (m_p - m_q)^2 / v_q ]
 * (e.g. Pardo, Statistical Inference Based on Divergence Measures, 2006, section 1.4), computed as
 * x - log1p(x) with x = (v_p - v_q)/v_q so that divergences down to 1e-20 keep their relative precision.
 *
 * <p>{@code FORWARD} is KL(sampler || reference), the divergence of the convergence theorems; {@code REVERSE} is
 * KL(reference || sampler). The root form sqrt(KL) scales like the sampler's error itself (KL is quadratic in
 * small errors), which is what order fits need.
 *
 * <p>For a mixture output (auxiliary randomness) forward KL is bracketed: below by KL(moment-matched || q), because
 * a Gaussian has the largest entropy for given moments and E_p ln q depends on p only through its first two moments
 * (the diagonal moment-matched Gaussian stays a lower bound by Hadamard's inequality); above by the mean over
 * components (joint convexity). Reverse KL gets the convexity upper bound only.
 */
public final class KlDivergence implements Metric {

    /** Which argument is the sampler's law. */
    public enum Direction {
        FORWARD, REVERSE
    }

    private final Direction direction;
    private final boolean root;

    public KlDivergence(Direction direction, boolean root) {
        if (direction == null) {
            throw new IllegalArgumentException("direction is null, which is not allowed: FORWARD or REVERSE");
        }
        this.direction = direction;
        this.root = root;
    }

    @Override
    public String name() {
        return (root ? "sqrtKl" : "kl") + (direction == Direction.REVERSE ? "Reverse" : "");
    }

    /** KL(p || q) for diagonal Gaussians. */
    public static double divergence(DiagonalGaussian p, DiagonalGaussian q) {
        p.requireSameDimension(q);
        double sum = 0;
        for (int j = 0; j < p.dim(); j++) {
            double x = (p.variance(j) - q.variance(j)) / q.variance(j);
            double dm = p.mean(j) - q.mean(j);
            sum += x - Math.log1p(x) + dm * dm / q.variance(j);
        }
        return 0.5 * sum;
    }

    private double raw(DiagonalGaussian p, DiagonalGaussian q) {
        return direction == Direction.FORWARD ? divergence(p, q) : divergence(q, p);
    }

    private double finish(double kl) {
        return root ? Math.sqrt(Math.max(0, kl)) : kl;
    }

    @Override
    public MetricValue between(DiagonalGaussian p, DiagonalGaussian q) {
        return MetricValue.exact(finish(raw(p, q)));
    }

    @Override
    public MetricValue ofMixture(List<DiagonalGaussian> components, DiagonalGaussian momentMatched, DiagonalGaussian reference) {
        if (components.size() <= 1) {
            return Metric.super.ofMixture(components, momentMatched, reference);
        }
        double upper = Metric.componentMean(components, c -> raw(c, reference));
        double lower = direction == Direction.FORWARD ? divergence(momentMatched, reference) : 0;
        return new MetricValue(finish(upper), finish(lower), finish(upper), 0);
    }
}
