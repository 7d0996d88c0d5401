package org.difflab.theory.metric;

import java.util.List;

/**
 * Hellinger distance between diagonal Gaussians, with H^2 = 1 - BC and the Bhattacharyya coefficient in closed form:
 * BC = prod_j sqrt(2 s_pj s_qj / (v_pj + v_qj)) exp(-(m_pj - m_qj)^2 / (4 (v_pj + v_qj)))
 * (Pardo 2006, section 1.4). H^2 is computed as -expm1(ln BC) so that small distances keep their precision.
 * Mixtures use the convexity upper bound of H^2 (an f-divergence) from {@link Metric#ofMixture}.
 */
public final class Hellinger implements Metric {
    private final boolean squared;

    /** {@code squared}: report H^2 instead of H. */
    public Hellinger(boolean squared) {
        this.squared = squared;
    }

    @Override
    public String name() {
        return squared ? "hellingerSquared" : "hellinger";
    }

    /** H^2 = 1 - BC(p, q) in [0, 1]. */
    public static double squared(DiagonalGaussian p, DiagonalGaussian q) {
        p.requireSameDimension(q);
        double logBc = 0;
        for (int j = 0; j < p.dim(); j++) {
            double vp = p.variance(j);
            double vq = q.variance(j);
            double dm = p.mean(j) - q.mean(j);
            logBc += 0.5 * Math.log(2 * Math.sqrt(vp * vq) / (vp + vq)) - dm * dm / (4 * (vp + vq));
        }
        return -Math.expm1(logBc);
    }

    @Override
    public MetricValue between(DiagonalGaussian p, DiagonalGaussian q) {
        double h2 = squared(p, q);
        return MetricValue.exact(squared ? h2 : Math.sqrt(h2));
    }

    @Override
    public MetricValue ofMixture(List<DiagonalGaussian> components, DiagonalGaussian momentMatched, DiagonalGaussian reference) {
        if (squared || components.size() <= 1) {
            return Metric.super.ofMixture(components, momentMatched, reference);
        }
        MetricValue h2 = new Hellinger(true).ofMixture(components, momentMatched, reference);
        return new MetricValue(Math.sqrt(h2.value()), Math.sqrt(h2.lower()), Math.sqrt(h2.upper()), 0);
    }
}
