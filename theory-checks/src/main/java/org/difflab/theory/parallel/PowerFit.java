package org.difflab.theory.parallel;

import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * The slope of log y against log x by ordinary least squares, with its 95% confidence interval (t-distribution with
 * n - 2 degrees of freedom, commons-math {@link SimpleRegression}): the growth exponent of a count y(x) ~ C x^slope.
 * The counts are integers found by search, so their rounding enters the residuals as if it were scatter.
 *
 * @param slope  fitted exponent
 * @param lower  lower end of its 95% confidence interval
 * @param upper  upper end of its 95% confidence interval
 * @param points number of points fitted
 */
public record PowerFit(double slope, double lower, double upper, int points) {

    /** Fits log y = log C + slope log x; needs at least 3 points (1 degree of freedom), all x and y finite and > 0. */
    public static PowerFit of(double[] x, double[] y) {
        if (x == null || y == null || x.length != y.length || x.length < 3) {
            throw new IllegalArgumentException("x and y have " + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length)
                    + " values, which is not allowed: equal lengths, at least 3 points for an interval");
        }
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            if (!(x[i] > 0) || !(y[i] > 0) || !Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
                throw new IllegalArgumentException("point " + i + " = (" + x[i] + ", " + y[i] + ") is not allowed: both must be finite and > 0");
            }
            r.addData(Math.log(x[i]), Math.log(y[i]));
        }
        double half = r.getSlopeConfidenceInterval(0.05);
        return new PowerFit(r.getSlope(), r.getSlope() - half, r.getSlope() + half, x.length);
    }

    /** The fitted line through the geometric centre of the points, at x. */
    public static double[] line(double[] x, double[] y, double slope) {
        double lx = 0;
        double ly = 0;
        for (int i = 0; i < x.length; i++) {
            lx += Math.log(x[i]) / x.length;
            ly += Math.log(y[i]) / x.length;
        }
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.exp(ly + slope * (Math.log(x[i]) - lx));
        }
        return out;
    }
}
