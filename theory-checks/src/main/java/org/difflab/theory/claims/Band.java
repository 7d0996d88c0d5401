package org.difflab.theory.claims;

import java.util.Locale;

/**
 * The two-sided band rule with the measurement's uncertainty: a value v with a 95% interval [lo, hi] (lo = hi = v when
 * v is exact) against the band |v - centre| &lt;= halfWidth. Inside: HOLDS only when the whole interval lies in the
 * band, VIOLATED only when it lies wholly outside, INCONCLUSIVE when it straddles an edge. Outside ("far off"): the
 * mirror image. So a verdict is never decided by Monte Carlo noise: a coin flip at the edge is INCONCLUSIVE.
 */
final class Band {
    private Band() {}

    /** Whether [lo, hi] lies in the band, outside it, or straddles an edge. */
    private enum Place {
        INSIDE, OUTSIDE, STRADDLES
    }

    private static Place place(double centre, double halfWidth, double lo, double hi) {
        double bandLo = centre - halfWidth;
        double bandHi = centre + halfWidth;
        if (lo >= bandLo && hi <= bandHi) {
            return Place.INSIDE;
        }
        if (hi < bandLo || lo > bandHi) {
            return Place.OUTSIDE;
        }
        return Place.STRADDLES;
    }

    /** HOLDS when [lo, hi] lies within centre +- halfWidth, VIOLATED when wholly outside, INCONCLUSIVE otherwise. */
    static Judgement inside(double centre, double halfWidth, double value, double lo, double hi, String what) {
        return judge(Place.INSIDE, centre, halfWidth, value, lo, hi, what);
    }

    /** HOLDS when [lo, hi] lies wholly outside centre +- halfWidth, VIOLATED when wholly inside, INCONCLUSIVE otherwise. */
    static Judgement outside(double centre, double halfWidth, double value, double lo, double hi, String what) {
        return judge(Place.OUTSIDE, centre, halfWidth, value, lo, hi, what);
    }

    /** HOLDS when [lo, hi] lies wholly in the {@code wanted} place, VIOLATED when wholly in the other, INCONCLUSIVE otherwise. */
    private static Judgement judge(Place wanted, double centre, double halfWidth, double value, double lo, double hi, String what) {
        String numbers = numbers(centre, halfWidth, value, lo, hi, what);
        Place place = place(centre, halfWidth, lo, hi);
        if (place == Place.STRADDLES) {
            return new Judgement(Verdict.INCONCLUSIVE, "the interval straddles the band's edge: " + numbers);
        }
        String where = place == Place.INSIDE ? "inside" : "outside";
        return new Judgement(place == wanted ? Verdict.HOLDS : Verdict.VIOLATED,
                (lo == hi ? where + " the band: " : "the whole interval is " + where + " the band: ") + numbers);
    }

    private static String numbers(double centre, double halfWidth, double value, double lo, double hi, String what) {
        String interval = lo == hi ? "exact" : String.format(Locale.ROOT, "95%% interval [%.4f, %.4f]", lo, hi);
        return String.format(Locale.ROOT, "%s %.4f (%s), band %.4f +- %.4f", what, value, interval, centre, halfWidth);
    }
}
