package org.difflab.dsl.conformance;

/**
 * The largest deviation, in standard errors, of a sample's mean and covariance entries from a target's: the moment
 * check of both conformance suites (diffusion and Langevin).
 *
 * @param z    the largest |estimate - target| / standard error
 * @param what which moment it was, e.g. {@code cov[0][1]}
 */
record MomentDeviation(double z, String what) {

    static MomentDeviation of(double[][] x, double[] targetMean, double[][] targetCov) {
        int n = x.length;
        int d = targetMean.length;
        double[] mean = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        double worst = 0;
        String worstWhat = "";
        for (int j = 0; j < d; j++) {
            double var = 0;
            for (double[] row : x) {
                var += (row[j] - mean[j]) * (row[j] - mean[j]) / (n - 1);
            }
            double z = Math.abs(mean[j] - targetMean[j]) / Math.sqrt(var / n);
            if (z > worst) {
                worst = z;
                worstWhat = "mean[" + j + "]";
            }
            for (int k = j; k < d; k++) {
                double c = 0;
                double c2 = 0;
                for (double[] row : x) {
                    double p = (row[j] - mean[j]) * (row[k] - mean[k]);
                    c += p / n;
                    c2 += p * p / n;
                }
                double zc = Math.abs(c - targetCov[j][k]) / Math.sqrt(Math.max(c2 - c * c, 0) / n);
                if (zc > worst) {
                    worst = zc;
                    worstWhat = "cov[" + j + "][" + k + "]";
                }
            }
        }
        return new MomentDeviation(worst, worstWhat);
    }
}
