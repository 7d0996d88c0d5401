package org.difflab.theory.claims;

import java.util.Locale;
import org.difflab.theory.features.FeatureDistanceDifference;

/**
 * One judged comparison of a {@link FeatureBudgetClaim}: run {@code first} against run {@code second} (indices into the
 * claim's runs, 0 the baseline) by the paired interval of FD(first) - FD(second), both to the same test images
 * ({@link org.difflab.theory.features.FeatureComparison#difference}). The interval decides, never the point value:
 * <ul>
 * <li>AHEAD ("first ranks before second"): HOLDS when the whole interval lies below 0, VIOLATED when it lies wholly
 * above 0, INCONCLUSIVE when it contains 0 (the sample size cannot rank them);</li>
 * <li>WITHIN ("first is as good as second, up to a tolerance"; closer is fine): with limit = tolerance x FD(second),
 * HOLDS when the interval's upper end is at most the limit, VIOLATED when its lower end exceeds it, else
 * INCONCLUSIVE.</li>
 * </ul>
 *
 * @param first     index of the judged run
 * @param second    index of the run it is compared with
 * @param kind      AHEAD or WITHIN
 * @param tolerance WITHIN's tolerance as a fraction of FD(second), in (0, 1]; 0 for AHEAD
 */
public record FeatureRule(int first, int second, Kind kind, double tolerance) {

    /** What the rule expects of FD(first) - FD(second). */
    public enum Kind {
        AHEAD, WITHIN
    }

    /** The rule's decision, in words (each claim's {@code rule()}). */
    static final String TEXT = "paired bootstrap interval (95%) of FD(first) - FD(second), both to the same test images; AHEAD: HOLDS "
            + "when the interval lies below 0, VIOLATED when it lies above 0, INCONCLUSIVE when it contains 0; WITHIN tolerance t: "
            + "HOLDS when its upper end is <= t x FD(second) (closer is fine), VIOLATED when its lower end is above that, else "
            + "INCONCLUSIVE";

    public FeatureRule {
        if (first < 0 || second < 0 || first == second || kind == null) {
            throw new IllegalArgumentException("first = " + first + ", second = " + second + ", kind = " + kind
                    + " are not allowed: two different run indices >= 0 and a kind");
        }
        if (kind == Kind.WITHIN ? !(tolerance > 0 && tolerance <= 1) : tolerance != 0) {
            throw new IllegalArgumentException("tolerance = " + tolerance + " is not allowed for a rule of kind " + kind
                    + ": WITHIN needs a fraction in (0, 1], AHEAD 0");
        }
    }

    /** "first ranks before second". */
    public static FeatureRule ahead(int first, int second) {
        return new FeatureRule(first, second, Kind.AHEAD, 0);
    }

    /** "first within tolerance x FD(second) of second". */
    public static FeatureRule within(int first, int second, double tolerance) {
        return new FeatureRule(first, second, Kind.WITHIN, tolerance);
    }

    /** The verdict on the measured difference {@code d} (FD(first) - FD(second) with its paired interval). */
    Check judge(FeatureDistanceDifference d) {
        double limit = kind == Kind.AHEAD ? 0 : tolerance * d.secondDistance().value();
        Verdict v = d.upper() <= limit && (kind == Kind.WITHIN || d.upper() < 0) ? Verdict.HOLDS
                : d.lower() > limit ? Verdict.VIOLATED : Verdict.INCONCLUSIVE;
        String reason = String.format(Locale.ROOT, "FD %.4g vs %.4g: difference %+.4g [%+.4g, %+.4g] %s", d.firstDistance().value(),
                d.secondDistance().value(), d.value(), d.lower(), d.upper(), switch (v) {
                    case HOLDS -> kind == Kind.AHEAD ? "lies below 0" : String.format(Locale.ROOT, "lies below the limit %.4g", limit);
                    case VIOLATED -> String.format(Locale.ROOT, "lies above %s", kind == Kind.AHEAD ? "0" : String.format(Locale.ROOT,
                            "the limit %.4g", limit));
                    default -> String.format(Locale.ROOT, "contains %.4g: not resolved at this sample size", limit);
                });
        return new Check(d.first(), "FD - FD(" + d.second() + ")", d.value(), d.lower(), d.upper(), "95% paired bootstrap interval",
                kind == Kind.AHEAD ? "< 0 (ahead)" : String.format(Locale.ROOT, "<= %.2f x FD(%s) = %.4g", tolerance, d.second(), limit),
                new Judgement(v, reason));
    }
}
