package org.difflab.theory.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.difflab.theory.claims.Check;
import org.difflab.theory.claims.ClaimDescription;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Provenance;
import org.difflab.theory.claims.Verdict;

/** The cells shared by every report format, so the terminal, HTML, Markdown and CSV agree digit for digit. */
public final class Cells {
    private Cells() {}

    /** A measured value or interval end: 4 significant decimals (exact errors give intervals narrower than 1e-3). */
    public static String precise(double v) {
        if (!Double.isFinite(v)) {
            return "n/a";
        }
        return v != 0 && Math.abs(v) < 1e-3 ? String.format(Locale.ROOT, "%.4e", v) : String.format(Locale.ROOT, "%.4f", v);
    }

    /** A check's value with its 95% interval when there is one, e.g. {@code 2.0011 [1.9996, 2.0026]}. */
    public static String measured(Check c) {
        return precise(c.value()) + (Double.isFinite(c.lower()) || Double.isFinite(c.upper())
                ? " [" + precise(c.lower()) + ", " + precise(c.upper()) + "]" : "");
    }

    /** The file of a claim's k-th figure (1-based), beside its plot. */
    public static String figureFile(ClaimResult r, int k) {
        return r.claim().id() + "-figure-" + k + ".png";
    }

    /** Characters of integrator specs listed in a summary cell before the rest is counted. */
    private static final int LISTED = 60;

    /**
     * The integrators a claim is about, for a summary cell: as many as fit in 60 characters (at least 1), then how many
     * more (the claim's section lists every check).
     */
    public static String integrators(ClaimResult r) {
        List<String> all = r.claim().integrators();
        StringBuilder b = new StringBuilder(all.get(0));
        int shown = 1;
        while (shown < all.size() && b.length() + 2 + all.get(shown).length() <= LISTED) {
            b.append(", ").append(all.get(shown++));
        }
        return shown == all.size() ? b.toString() : b + " and " + (all.size() - shown) + " more";
    }

    /** What the claim expects, one cell: the distinct expected values of its checks. */
    public static String expected(ClaimResult r) {
        List<String> e = r.checks().stream().map(Check::expected).distinct().toList();
        return e.size() <= 2 ? String.join("; ", e) : e.size() + " values";
    }

    /** The measured values of a result in one cell: every check when there are at most 3, else a count of verdicts. */
    public static String measured(ClaimResult r) {
        if (r.checks().size() <= 3) {
            return r.checks().stream().map(Cells::measured).collect(Collectors.joining("; "));
        }
        Map<Verdict, Long> count = new LinkedHashMap<>();
        for (Check c : r.checks()) {
            count.merge(c.verdict(), 1L, Long::sum);
        }
        return r.checks().size() + " checks: " + count.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
    }

    /** Characters of a provenance cell's paper and place. */
    private static final int PAPER = 40;
    private static final int PLACE = 36;

    /**
     * A claim's provenance in one short cell: the paper's authors and year, and the place in it (up to its first colon),
     * e.g. {@code Song, Meng, Ermon (2021), eq. (14)}; the report's section gives both in full.
     */
    public static String provenance(ClaimDescription c) {
        Provenance p = c.provenance();
        int year = p.paper().indexOf(')');
        String paper = year > 0 && year < 60 ? p.paper().substring(0, year + 1) : shorten(p.paper(), PAPER);
        int colon = p.place().indexOf(':');
        String place = colon > 0 && colon <= PLACE ? p.place().substring(0, colon) : shorten(p.place(), PLACE);
        return paper + ", " + place;
    }

    private static String shorten(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 3).trim() + "...";
    }

    /** Seconds, one decimal. */
    public static String seconds(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** File name of table k (from 1) of a result. */
    static String tableFile(ClaimResult r, int k) {
        return r.claim().id() + "-" + k + ".csv";
    }

    /** File name of a result's plot. */
    static String plotFile(ClaimResult r) {
        return r.claim().id() + ".png";
    }
}
