package org.difflab.dsl.hierarchy;

import java.util.Arrays;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.difflab.dsl.Require;

/**
 * The HTMC exponent gamma of a model hierarchy, from level differences delta_k and costs C_k: in the HTMC picture
 * delta_k ~ C_k^{-1/gamma} (accuracy 2^-k at cost 2^{gamma k}; Jacot 2026, arXiv 2603.24594, and the research note
 * mlem_parallel.md, section A.4 step 3), so gamma = -1 / slope of log delta_k against log C_k. ML-EM beats
 * Euler-Maruyama with the top level by a full power of epsilon when gamma &gt; 2 (slope in (-1/2, 0)).
 *
 * <p>The slope is the ordinary least-squares slope over levels {@code firstLevel..K} (Commons Math
 * {@link SimpleRegression}), with its 95% confidence interval from the t-distribution with n - 2 degrees of freedom
 * (n = number of levels fitted; no interval with n = 2). gamma = -1/slope is increasing in the slope on slope &lt; 0,
 * so the slope's interval [lo, hi] maps to gamma's interval [-1/lo, -1/hi]; when hi &gt;= 0 (no significant decay)
 * gamma's upper end is +Infinity, and when the slope itself is &gt;= 0 gamma is NaN (accuracy does not improve with
 * cost: no finite exponent).
 *
 * <p>Level 1 is left out by default ({@link LevelDifferences#DEFAULT_FIRST_LEVEL} = 2): delta_1 = RMS||s^1|| is the
 * size of the score itself (s^0 = 0), not an accuracy increment, and would bend the line.
 *
 * @param gamma      -1 / slope (NaN when slope &gt;= 0)
 * @param lower      lower end of gamma's 95% interval (NaN with 2 levels fitted)
 * @param upper      upper end of gamma's 95% interval (+Infinity when the slope's interval reaches 0; NaN with 2 levels)
 * @param slope      least-squares slope of log delta_k on log C_k
 * @param slopeLower lower end of the slope's 95% interval
 * @param slopeUpper upper end of the slope's 95% interval
 * @param firstLevel first level fitted
 * @param lastLevel  last level fitted (K)
 * @param localGamma -log(C_{k+1}/C_k) / log(delta_{k+1}/delta_k) between consecutive fitted levels (n - 1 values)
 */
public record GammaFit(double gamma, double lower, double upper, double slope, double slopeLower, double slopeUpper,
                       int firstLevel, int lastLevel, double[] localGamma) {

    /**
     * Fits levels {@code firstLevel..K} of costs C_1..C_K and deltas delta_1..delta_K (index 0 = level 1).
     * Needs at least 2 levels fitted, costs &gt; 0 not all equal, deltas finite and &gt; 0.
     */
    public static GammaFit fit(double[] costs, double[] deltas, int firstLevel) {
        Require.notNull("costs", costs);
        Require.notNull("deltas", deltas);
        if (costs.length != deltas.length) {
            throw new IllegalArgumentException("costs has " + costs.length + " entries, which is not allowed: must be "
                    + deltas.length + ", one per delta");
        }
        int k = deltas.length;
        if (k < 2) {
            throw new IllegalArgumentException("deltas has " + k + " entries, which is not allowed: a gamma fit needs at least 2 levels");
        }
        Require.inRange("firstLevel", firstLevel, 1, k - 1);
        int n = k - firstLevel + 1;
        double[] lc = new double[n];
        double[] ld = new double[n];
        SimpleRegression ols = new SimpleRegression();
        for (int i = 0; i < n; i++) {
            int level = firstLevel + i;
            double c = Require.positive("costs[" + (level - 1) + "]", costs[level - 1]);
            double d = deltas[level - 1];
            if (!(d > 0) || !Double.isFinite(d)) {
                throw new IllegalArgumentException("deltas[" + (level - 1) + "] = " + d + " (level " + level
                        + ") is not allowed: a gamma fit needs finite level differences > 0");
            }
            lc[i] = Math.log(c);
            ld[i] = Math.log(d);
            ols.addData(lc[i], ld[i]);
        }
        boolean distinct = false;
        for (int i = 1; i < n; i++) {
            distinct |= lc[i] != lc[0];
        }
        if (!distinct) {
            throw new IllegalArgumentException("costs = " + Arrays.toString(costs) + " is not allowed: the fitted levels "
                    + firstLevel + ".." + k + " must not all have the same cost");
        }
        double[] local = new double[n - 1];
        for (int i = 0; i < local.length; i++) {
            local[i] = toGamma((ld[i + 1] - ld[i]) / (lc[i + 1] - lc[i]));
        }
        double slope = ols.getSlope();
        double half = n >= 3 ? ols.getSlopeConfidenceInterval(0.05) : Double.NaN;
        double lo = slope - half;
        double hi = slope + half;
        double gLower = Double.NaN;
        double gUpper = Double.NaN;
        if (n >= 3 && lo < 0) {
            gLower = -1 / lo;
            gUpper = hi < 0 ? -1 / hi : Double.POSITIVE_INFINITY;
        }
        return new GammaFit(toGamma(slope), gLower, gUpper, slope, lo, hi, firstLevel, k, local);
    }

    private static double toGamma(double slope) {
        return slope < 0 ? -1 / slope : Double.NaN;
    }

    /** Whether gamma's 95% interval contains g. */
    public boolean contains(double g) {
        return lower <= g && g <= upper;
    }

    @Override
    public double[] localGamma() {
        return localGamma.clone();
    }

    @Override
    public String toString() {
        String local = Arrays.toString(Arrays.stream(localGamma).map(g -> Math.round(g * 1000) / 1000.0).toArray());
        return String.format("gamma %.3f, 95%% CI [%.3f, %.3f] (slope %.4f [%.4f, %.4f], levels %d..%d), local %s",
                gamma, lower, upper, slope, slopeLower, slopeUpper, firstLevel, lastLevel, local);
    }
}
