package org.difflab.theory.features;

/**
 * The Gaussian fitted to a weighted set of rows: the mean and the unbiased covariance (n - 1 denominator, as numpy's
 * {@code cov} and FID's reference code use), where row a counts {@code counts[a]} times and n is the sum of the
 * counts (a bootstrap resample). Two passes (mean, then centred products) so large means do not cancel.
 *
 * @param mean       the weighted mean
 * @param covariance the weighted covariance, symmetric by construction
 */
record GaussianFit(double[] mean, double[][] covariance) {

    /** The fit of {@code rows} (checked, rectangular) weighted by {@code counts} (same length, sum >= 2). */
    static GaussianFit of(double[][] rows, int[] counts) {
        int d = rows[0].length;
        long n = 0;
        double[] mean = new double[d];
        for (int a = 0; a < rows.length; a++) {
            n += counts[a];
            for (int j = 0; j < d; j++) {
                mean[j] += counts[a] * rows[a][j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        double[][] cov = new double[d][d];
        double[] centred = new double[d];
        for (int a = 0; a < rows.length; a++) {
            if (counts[a] == 0) {
                continue;
            }
            for (int j = 0; j < d; j++) {
                centred[j] = rows[a][j] - mean[j];
            }
            for (int i = 0; i < d; i++) {
                double ci = counts[a] * centred[i];
                for (int j = 0; j <= i; j++) {
                    cov[i][j] += ci * centred[j];
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                cov[i][j] /= n - 1;
                cov[j][i] = cov[i][j];
            }
        }
        return new GaussianFit(mean, cov);
    }
}
