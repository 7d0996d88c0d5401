package org.difflab.theory.metric;

import java.util.Arrays;

/**
 * A Gaussian N(mean, diag(variance)) in the eigenbasis of a target covariance: the form of every law the exact
 * evaluator produces, and of its reference. Metrics between two of them are computed coordinate by coordinate.
 */
public record DiagonalGaussian(double[] mean, double[] variance) {

    public DiagonalGaussian {
        if (mean == null || variance == null) {
            throw new IllegalArgumentException("mean and variance must not be null");
        }
        if (mean.length == 0 || mean.length != variance.length) {
            throw new IllegalArgumentException("variance has " + variance.length + " entries, which is not allowed: must equal the "
                    + mean.length + " entries of mean (at least 1)");
        }
        for (int j = 0; j < mean.length; j++) {
            if (!Double.isFinite(mean[j])) {
                throw new IllegalArgumentException("mean[" + j + "] = " + mean[j] + " is not allowed: must be finite");
            }
            if (!(variance[j] > 0) || !Double.isFinite(variance[j])) {
                throw new IllegalArgumentException("variance[" + j + "] = " + variance[j] + " is not allowed: must be finite and > 0");
            }
        }
        mean = mean.clone();
        variance = variance.clone();
    }

    /** Dimension d. */
    public int dim() {
        return mean.length;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] variance() {
        return variance.clone();
    }

    /** mean[j] without a copy. */
    public double mean(int j) {
        return mean[j];
    }

    /** variance[j] without a copy. */
    public double variance(int j) {
        return variance[j];
    }

    /** Throws unless {@code other} has the same dimension. */
    void requireSameDimension(DiagonalGaussian other) {
        if (other.dim() != dim()) {
            throw new IllegalArgumentException("the two Gaussians have dimensions " + dim() + " and " + other.dim()
                    + ", which is not allowed: they must be equal");
        }
    }

    @Override
    public String toString() {
        return "N(mean=" + Arrays.toString(mean) + ", var=" + Arrays.toString(variance) + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiagonalGaussian g && Arrays.equals(mean, g.mean) && Arrays.equals(variance, g.variance);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(variance);
    }
}
