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
     * Judges a fitted order: HOLDS when an informative 95% CI (at most 4 x the tolerance wide) contains the expected
     * order, or when the fitted order and the last local slope are both within the tolerance; VIOLATED when the CI
     * excludes it and the fitted order is off by more than the tolerance; INCONCLUSIVE otherwise (a CI too wide to
     * decide, drifting local slopes, no CI).
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
        boolean informative = upper - lower <= 4 * tolerance;
        if (ciContains && informative) {
            return new Judgement(Verdict.HOLDS, "the 95% CI contains the expected order (" + numbers + ")");
        }
        if (orderClose && lastClose) {
            return new Judgement(Verdict.HOLDS, "fitted order and last local slope within tolerance (" + numbers + ")");
        }
        if (ciContains) {
            return new Judgement(Verdict.INCONCLUSIVE, "the 95% CI contains the expected order but is wider than 4 x the tolerance, and "
                    + "the fitted order or the last local slope is off by more than the tolerance (" + numbers + ")");
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
    /** HOLDS when the condition holds, VIOLATED otherwise, with the reason (which should carry the numbers). */
    public static Judgement of(boolean holds, String reason) {
        return new Judgement(holds ? Verdict.HOLDS : Verdict.VIOLATED, reason);
    }

    /**
     * Judges a Monte Carlo (or otherwise noisy) estimate against an exact value: HOLDS when it is within {@code zLimit}
     * standard errors, VIOLATED otherwise; INCONCLUSIVE when the standard error is not finite and positive.
     */
    public static Judgement ofAgreement(double expected, double value, double standardError, double zLimit) {
        if (!(standardError > 0) || !Double.isFinite(standardError) || !Double.isFinite(value)) {
            return new Judgement(Verdict.INCONCLUSIVE, String.format(Locale.ROOT, "no usable estimate (value %s, standard error %s)",
                    value, standardError));
        }
        double z = (value - expected) / standardError;
        String numbers = String.format(Locale.ROOT, "measured %.6f +- %.2g (1 s.e.), expected %.6f: %.2f standard errors off, limit %.1f",
                value, standardError, expected, z, zLimit);
        return of(Math.abs(z) <= zLimit, numbers);
    }

    /**
     * Judges a fitted exponent against a theoretical upper bound: a measured exponent below the bound is consistent
     * with it (bounds need not be tight); HOLDS unless the whole 95% interval lies above the bound (VIOLATED: a
     * finding). INCONCLUSIVE without a finite interval.
     */
    public static Judgement ofBound(double bound, double value, double lower, double upper) {
        if (!Double.isFinite(lower) || !Double.isFinite(upper)) {
            return new Judgement(Verdict.INCONCLUSIVE, String.format(Locale.ROOT, "no confidence interval (value %.3f, bound %.3f)",
                    value, bound));
        }
        String numbers = String.format(Locale.ROOT, "measured %.3f, 95%% CI [%.3f, %.3f], theory bound %.3f", value, lower, upper, bound);
        return lower <= bound ? new Judgement(Verdict.HOLDS, "consistent with the bound (" + numbers + ")")
                : new Judgement(Verdict.VIOLATED, "the whole interval lies above the bound (" + numbers + ")");
    }
}
