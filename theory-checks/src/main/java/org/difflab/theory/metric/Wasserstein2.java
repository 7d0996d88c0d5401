package org.difflab.theory.metric;

import java.util.List;

/**
 * 2-Wasserstein distance between diagonal Gaussians: W2^2 = sum_j (m_pj - m_qj)^2 + (s_pj - s_qj)^2, the
 * commuting-covariance case of the Gelbrich / Dowson-Landau formula (Givens and Shortt 1984). The standard
 * deviation difference is computed as (v_p - v_q)/(s_p + s_q) to avoid cancellation.
 *
 * <p>For a mixture: W2^2 is convex along mixtures (glue the components' optimal couplings), so the mean of the
 * components' W2^2 bounds it above; below, W2 of any law to a Gaussian is at least W2 between Gaussians with the
 * same marginal means and variances (Gelbrich's bound applied to each coordinate, the cost being separable).
 */
public final class Wasserstein2 implements Metric {

    @Override
    public String name() {
        return "w2";
    }

    /** W2^2(p, q). */
    public static double squared(DiagonalGaussian p, DiagonalGaussian q) {
        p.requireSameDimension(q);
        double sum = 0;
        for (int j = 0; j < p.dim(); j++) {
            double dm = p.mean(j) - q.mean(j);
            double ds = (p.variance(j) - q.variance(j)) / (Math.sqrt(p.variance(j)) + Math.sqrt(q.variance(j)));
            sum += dm * dm + ds * ds;
        }
        return sum;
    }

    @Override
    public MetricValue between(DiagonalGaussian p, DiagonalGaussian q) {
        return MetricValue.exact(Math.sqrt(squared(p, q)));
    }

    @Override
    public MetricValue ofMixture(List<DiagonalGaussian> components, DiagonalGaussian momentMatched, DiagonalGaussian reference) {
        if (components.size() <= 1) {
            return Metric.super.ofMixture(components, momentMatched, reference);
        }
        double upper = Math.sqrt(Metric.componentMean(components, c -> squared(c, reference)));
        return new MetricValue(upper, Math.sqrt(squared(momentMatched, reference)), upper, 0);
    }
}
