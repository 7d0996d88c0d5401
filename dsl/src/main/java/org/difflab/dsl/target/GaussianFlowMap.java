package org.difflab.dsl.target;

import org.difflab.dsl.schedule.NoiseLevel;

/**
 * The exact probability-flow map of a Gaussian target N(m, U diag(lambda) U^T) between two noise levels. In the
 * rescaled variable y = x/alpha the marginal at noise level sigma = s/alpha is N(m, U diag(lambda + sigma^2) U^T), and
 * the ODE dy/dsigma = eps (Karras et al. 2022, eq. 4 with the exact score) moves each eigen-coordinate as
 * y_k(sigma) - m_k = sqrt((lambda_k + sigma^2) / (lambda_k + sigma_0^2)) (y_k(sigma_0) - m_k): so the end point of a
 * sampler's path from a given start is known exactly, the reference of per-path (strong) errors of ODE samplers,
 * adaptive ones included, whose output is not an affine map of their draws.
 */
public final class GaussianFlowMap {
    private final Gaussian target;

    public GaussianFlowMap(Gaussian target) {
        this.target = target;
    }

    /** The point at {@code to} of the flow through each row of {@code x}, which sits at {@code from}. */
    public double[][] map(double[][] x, NoiseLevel from, NoiseLevel to) {
        double[] mean = target.mean();
        double[] lambda = target.eigenvalues();
        double[][] basis = target.eigenbasis();
        double s2 = from.sigmaOverAlpha() * from.sigmaOverAlpha();
        double t2 = to.sigmaOverAlpha() * to.sigmaOverAlpha();
        int d = mean.length;
        double[][] out = new double[x.length][];
        for (int r = 0; r < x.length; r++) {
            double[] c = new double[d];
            for (int i = 0; i < d; i++) {
                c[i] = x[r][i] / from.alpha() - mean[i];
            }
            double[] e = basis == null ? c : rotate(basis, c, true);
            for (int k = 0; k < d; k++) {
                e[k] *= Math.sqrt((lambda[k] + t2) / (lambda[k] + s2));
            }
            double[] back = basis == null ? e : rotate(basis, e, false);
            for (int i = 0; i < d; i++) {
                back[i] = to.alpha() * (back[i] + mean[i]);
            }
            out[r] = back;
        }
        return out;
    }

    /** U^T v (transpose) or U v, U's columns the eigenvectors. */
    private static double[] rotate(double[][] basis, double[] v, boolean transpose) {
        int d = v.length;
        double[] out = new double[d];
        for (int i = 0; i < d; i++) {
            double sum = 0;
            for (int j = 0; j < d; j++) {
                sum += (transpose ? basis[j][i] : basis[i][j]) * v[j];
            }
            out[i] = sum;
        }
        return out;
    }
}
