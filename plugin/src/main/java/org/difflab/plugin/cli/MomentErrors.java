package org.difflab.plugin.cli;

/**
 * Monte Carlo errors of the first two moments of samples against a target, per coordinate, reduced to the worst
 * coordinate: |sample mean - mean| and |sample variance - variance| / variance, each with its standard error
 * (sqrt(s^2 / n) for the mean, sqrt((m4 - s^4) / n) / variance for the variance).
 */
record MomentErrors(double meanError, double meanStdErr, double varError, double varStdErr) {

    static MomentErrors of(double[][] rows, double[] mean, double[] variance) {
        int n = rows.length;
        double meanError = -1;
        double meanStdErr = 0;
        double varError = -1;
        double varStdErr = 0;
        for (int j = 0; j < mean.length; j++) {
            double m = 0;
            for (double[] r : rows) {
                m += r[j];
            }
            m /= n;
            double m2 = 0;
            double m4 = 0;
            for (double[] r : rows) {
                double c = (r[j] - m) * (r[j] - m);
                m2 += c;
                m4 += c * c;
            }
            m2 /= n;
            m4 /= n;
            double me = Math.abs(m - mean[j]);
            if (me > meanError) {
                meanError = me;
                meanStdErr = Math.sqrt(m2 / n);
            }
            double ve = Math.abs(m2 - variance[j]) / variance[j];
            if (ve > varError) {
                varError = ve;
                varStdErr = Math.sqrt(Math.max(m4 - m2 * m2, 0) / n) / variance[j];
            }
        }
        return new MomentErrors(meanError, meanStdErr, varError, varStdErr);
    }
}
