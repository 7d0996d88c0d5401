package org.difflab.theory.montecarlo;

import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.difflab.dsl.Require;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.GaussianMixture;
import org.difflab.dsl.target.Target;

/**
 * The CDF F of a 1-D Gaussian or Gaussian-mixture target (the weighted sum of the components' normal CDFs), and
 * its integral G(x) = int_{-inf}^x F = E[(x - X)^+] = sum_k w_k ((x - m_k) Phi(z_k) + s_k phi(z_k)),
 * z_k = (x - m_k)/s_k, which makes the W1 distance to an empirical law exact.
 */
final class TargetCdf {
    private static final NormalDistribution STANDARD = new NormalDistribution(null, 0, 1);

    private final double[] means;
    private final double[] sds;
    private final double[] weights;

    private TargetCdf(double[] means, double[] sds, double[] weights) {
        this.means = means;
        this.sds = sds;
        this.weights = weights;
    }

    /** The CDF of a 1-D Gaussian or Gaussian mixture. */
    static TargetCdf of(Target target) {
        Require.notNull("target", target);
        if (target.dim() != 1) {
            throw new IllegalArgumentException("target " + target.spec() + " has dimension " + target.dim()
                    + ", which is not allowed: a CDF needs a 1-D target");
        }
        if (target instanceof Gaussian g) {
            return new TargetCdf(new double[] {g.mean()[0]}, new double[] {Math.sqrt(g.covariance()[0][0])}, new double[] {1});
        }
        if (target instanceof GaussianMixture mix) {
            List<Gaussian> cs = mix.components();
            double[] m = new double[cs.size()];
            double[] s = new double[cs.size()];
            for (int k = 0; k < m.length; k++) {
                m[k] = cs.get(k).mean()[0];
                s[k] = Math.sqrt(cs.get(k).covariance()[0][0]);
            }
            return new TargetCdf(m, s, mix.weights());
        }
        throw new IllegalArgumentException("target " + target.spec() + " is not allowed: the CDF is known for 1-D Gaussian and Gaussian-mixture targets");
    }

    /** F(x). */
    double cdf(double x) {
        double f = 0;
        for (int k = 0; k < means.length; k++) {
            f += weights[k] * STANDARD.cumulativeProbability((x - means[k]) / sds[k]);
        }
        return f;
    }

    /** G(x) = int_{-inf}^x F(t) dt. */
    double integral(double x) {
        double g = 0;
        for (int k = 0; k < means.length; k++) {
            double z = (x - means[k]) / sds[k];
            g += weights[k] * ((x - means[k]) * STANDARD.cumulativeProbability(z) + sds[k] * STANDARD.density(z));
        }
        return g;
    }

    /** The mean of the target. */
    double mean() {
        double m = 0;
        for (int k = 0; k < means.length; k++) {
            m += weights[k] * means[k];
        }
        return m;
    }

    /** The density F'(x). */
    double density(double x) {
        double p = 0;
        for (int k = 0; k < means.length; k++) {
            p += weights[k] * STANDARD.density((x - means[k]) / sds[k]) / sds[k];
        }
        return p;
    }

    /**
     * The point x in [a, b] with F(x) = c, given F(a) < c < F(b): the secant point, then Newton steps kept inside
     * [a, b]. The W1 integrand |c - F| is stationary in the split point, so its error enters only to second order.
     */
    double quantile(double c, double a, double b) {
        double fa = cdf(a);
        double x = a + (c - fa) / (cdf(b) - fa) * (b - a);
        for (int it = 0; it < 5; it++) {
            double p = density(x);
            if (!(p > 0)) {
                break;
            }
            double next = Math.min(b, Math.max(a, x - (cdf(x) - c) / p));
            if (Math.abs(next - x) <= 1e-14 * (Math.abs(x) + 1)) {
                return next;
            }
            x = next;
        }
        return x;
    }
}
