package org.difflab.theory.claims;

import java.util.Locale;

/**
 * A verdict on a measured convergence order with the reason for it, so that a report says why, not only what.
 *
 * <p>The rule: an order claim HOLDS when the 95% confidence interval of the fitted order contains the expected
 * order, or when both the fitted order and the last local slope are within the tolerance of it. The second branch
 * exists because exact errors have no noise: the residuals of the log-log fit are systematic (pre-asymptotic
 * curvature), so the OLS interval is very narrow and may exclude the true order while the local slopes converge to
 * it (Hairer, Norsett and Wanner, Solving ODEs I, section II.4, read orders off local slopes for the same reason).
 * It is VIOLATED when the interval excludes the expected order and the fitted order is off by more than the
 * tolerance. Anything else is INCONCLUSIVE: typically a fitted order within tolerance whose last local slope is not
 * yet (still drifting), or an order off by more than the tolerance whose wide interval still contains it.
 *
 * @param verdict the verdict
 * @param reason  one sentence with the numbers that decided it
 */
public record Judgement(Verdict verdict, String reason) {

    public Judgement {
        if (verdict == null || reason == null) {
            throw new IllegalArgumentException("verdict = " + verdict + " and reason = " + reason + " are not allowed: both must be non-null");
        }
    }

    /**
     * Judges a fitted order.
     *
     * @param expected    the order the theory states
     * @param tolerance   allowed |order - expected| and |last local slope - expected|, > 0
     * @param order       fitted order
     * @param lower       lower end of its 95% CI (NaN when unknown)
     * @param upper       upper end of its 95% CI (NaN when unknown)
     * @param localSlopes orders between consecutive step counts, at least 1
     */
    public static Judgement ofOrder(double expected, double tolerance, double order, double lower, double upper, double[] localSlopes) {
        if (!(tolerance > 0) || !Double.isFinite(tolerance)) {
            throw new IllegalArgumentException("tolerance = " + tolerance + " is not allowed: must be finite and > 0");
        }
        if (localSlopes == null || localSlopes.length == 0) {
            throw new IllegalArgumentException("localSlopes is empty, which is not allowed: at least 1 local slope (2 step counts)");
        }
        if (!Double.isFinite(order)) {
            return new Judgement(Verdict.INCONCLUSIVE, "no finite fitted order (" + order + ")");
        }
        double last = localSlopes[localSlopes.length - 1];
        boolean ciContains = lower <= expected && expected <= upper;
        boolean orderClose = Math.abs(order - expected) <= tolerance;
        boolean lastClose = Math.abs(last - expected) <= tolerance;
        String numbers = String.format(Locale.ROOT, "order %.4f, CI [%.4f, %.4f], last local slope %.3f; expected %.2f +- %.2f",
                order, lower, upper, last, expected, tolerance);
        if (ciContains) {
            return new Judgement(Verdict.HOLDS, "the 95% CI contains the expected order (" + numbers + ")");
        }
        if (orderClose && lastClose) {
            return new Judgement(Verdict.HOLDS, "fitted order and last local slope within tolerance (" + numbers + ")");
        }
        if (!orderClose) {
            boolean ciKnown = !Double.isNaN(lower) && !Double.isNaN(upper);
            if (ciKnown) {
                return new Judgement(Verdict.VIOLATED, "the CI excludes the expected order and the fitted order is off by "
                        + String.format(Locale.ROOT, "%.3f", Math.abs(order - expected)) + " (" + numbers + ")");
            }
            return new Judgement(Verdict.INCONCLUSIVE, "fitted order off by more than the tolerance, but no CI (fewer than 3 step counts): "
                    + numbers);
        }
        return new Judgement(Verdict.INCONCLUSIVE, "fitted order within tolerance but the local slopes are still drifting (" + numbers + ")");
    }
}
