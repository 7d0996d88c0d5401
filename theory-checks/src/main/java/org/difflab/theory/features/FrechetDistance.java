package org.difflab.theory.features;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.difflab.dsl.Require;

/**
 * The Frechet distance between the Gaussians fitted to two feature sets, FD = |mu1 - mu2|^2 + tr(S1 + S2 -
 * 2 (S1^1/2 S2 S1^1/2)^1/2) (the squared 2-Wasserstein distance between the Gaussians, Dowson and Landau 1982; FID's
 * formula, Heusel et al. 2017, eq. 6, on DiffLab's own features, so not FID). The trace of the cross term is taken as
 * the sum of the square roots of the eigenvalues of the symmetric S1^1/2 S2 S1^1/2, both through symmetric
 * eigen-decompositions, so the result is real without the imaginary rounding parts a general matrix square root of
 * S1 S2 leaves; eigenvalues below zero by rounding count as zero. FD is >= 0 up to rounding (about 1e-15 tr S).
 * Each set needs more rows than features (d + 1), else its covariance is singular by construction.
 */
public final class FrechetDistance implements FeatureDistance {

    @Override
    public String name() {
        return "fd";
    }

    @Override
    public int minimumRows(int dimension) {
        return dimension + 1;
    }

    @Override
    public Prepared prepare(double[][] x, double[][] y) {
        FeatureSets.checkPair(x, y, this);
        return (xCounts, yCounts) -> {
            GaussianFit p = GaussianFit.of(x, xCounts);
            GaussianFit q = GaussianFit.of(y, yCounts);
            return unchecked(p.mean(), p.covariance(), q.mean(), q.covariance());
        };
    }

    /**
     * FD between the Gaussians N(mean1, cov1) and N(mean2, cov2) in closed form; the covariances must be symmetric
     * positive semi-definite of the means' dimension.
     */
    public static double between(double[] mean1, double[][] cov1, double[] mean2, double[][] cov2) {
        int d = Require.finite("mean1", mean1).length;
        if (Require.finite("mean2", mean2).length != d) {
            throw new IllegalArgumentException("mean2 has length " + mean2.length + ", which is not allowed: must be " + d + " to match mean1");
        }
        return unchecked(mean1, positiveSemiDefinite("cov1", cov1, d), mean2, positiveSemiDefinite("cov2", cov2, d));
    }

    /** FD of checked moments (fitted covariances are symmetric and positive semi-definite by construction). */
    private static double unchecked(double[] mean1, double[][] cov1, double[] mean2, double[][] cov2) {
        int d = mean1.length;
        RealMatrix s1 = new Array2DRowRealMatrix(cov1, false);
        RealMatrix s2 = new Array2DRowRealMatrix(cov2, false);
        RealMatrix root = squareRoot(s1);
        RealMatrix inner = root.multiply(s2).multiply(root);
        double crossTrace = 0;
        for (double w : new EigenDecomposition(symmetrised(inner)).getRealEigenvalues()) {
            crossTrace += Math.sqrt(Math.max(w, 0));
        }
        double meanTerm = 0;
        for (int j = 0; j < d; j++) {
            double dm = mean1[j] - mean2[j];
            meanTerm += dm * dm;
        }
        return meanTerm + s1.getTrace() + s2.getTrace() - 2 * crossTrace;
    }

    /** The symmetric positive semi-definite square root V diag(sqrt(max(w, 0))) V^T of a symmetric matrix. */
    private static RealMatrix squareRoot(RealMatrix s) {
        EigenDecomposition e = new EigenDecomposition(s);
        RealMatrix v = e.getV();
        double[] w = e.getRealEigenvalues();
        RealMatrix scaled = v.copy();
        for (int k = 0; k < w.length; k++) {
            scaled.setColumnVector(k, v.getColumnVector(k).mapMultiply(Math.sqrt(Math.max(w[k], 0))));
        }
        return symmetrised(scaled.multiply(v.transpose()));
    }

    /** (m + m^T) / 2: exactly symmetric, as the symmetric eigen-decomposition requires. */
    private static RealMatrix symmetrised(RealMatrix m) {
        return m.add(m.transpose()).scalarMultiply(0.5);
    }

    /** The covariance, checked: d x d, finite, symmetric, no eigenvalue below -1e-12 of the largest in magnitude. */
    private static double[][] positiveSemiDefinite(String name, double[][] cov, int d) {
        Require.notNull(name, cov);
        if (cov.length != d) {
            throw new IllegalArgumentException(name + " has " + cov.length + " rows, which is not allowed: must be " + d + " to match mean1");
        }
        for (int i = 0; i < d; i++) {
            if (Require.finite(name + "[" + i + "]", cov[i]).length != d) {
                throw new IllegalArgumentException(name + "[" + i + "] has length " + cov[i].length + ", which is not allowed: must be " + d + " to match mean1");
            }
            for (int j = 0; j < i; j++) {
                if (cov[i][j] != cov[j][i]) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] = " + cov[i][j] + " and " + name + "[" + j + "][" + i + "] = "
                            + cov[j][i] + " are not allowed: a covariance must be symmetric");
                }
            }
        }
        double[] w = new EigenDecomposition(new Array2DRowRealMatrix(cov, false)).getRealEigenvalues();
        double largest = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (double v : w) {
            largest = Math.max(largest, Math.abs(v));
            smallest = Math.min(smallest, v);
        }
        if (smallest < -1e-12 * largest) {
            throw new IllegalArgumentException(name + " has the eigenvalue " + smallest + ", which is not allowed: a covariance must be positive semi-definite");
        }
        return cov;
    }
}
