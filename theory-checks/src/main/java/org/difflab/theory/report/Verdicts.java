package org.difflab.theory.report;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Verdict;

/** The lines at the top of every report: the count of verdicts, and what they mean so a reader need not look up the rules. */
final class Verdicts {
    private Verdicts() {}

    /** One line: how many claims hold, are violated or inconclusive, and the measuring time. */
    static String summary(List<ClaimResult> results) {
        Map<Verdict, Long> count = new EnumMap<>(Verdict.class);
        double wall = 0;
        for (ClaimResult r : results) {
            count.merge(r.verdict(), 1L, Long::sum);
            wall += r.wallSeconds();
        }
        return String.format(Locale.ROOT, "%d claims: %d hold, %d violated, %d inconclusive; measured in %.1f s on the CPU engine.",
                results.size(), count.getOrDefault(Verdict.HOLDS, 0L), count.getOrDefault(Verdict.VIOLATED, 0L),
                count.getOrDefault(Verdict.INCONCLUSIVE, 0L), wall);
    }

    /** One paragraph: how numbers are measured and what HOLDS, VIOLATED and INCONCLUSIVE mean. */
    static String legend() {
        return "Errors on Gaussian targets are exact (exact evaluation of the sampler's output law, no Monte Carlo noise); "
                + "Monte Carlo numbers carry standard errors. A claim's verdict is the worst of its checks. Orders: HOLDS when the "
                + "95% confidence interval of the fitted order contains the expected order, or the fitted order and the last local "
                + "slope are both within the claim's tolerance (exact errors have no noise, so the interval is narrow and reflects "
                + "pre-asymptotic curvature); VIOLATED when the interval excludes it and the order is off by more than the tolerance. "
                + "Bounds: HOLDS unless the whole interval lies above the theory's exponent. Closed forms: HOLDS within the stated "
                + "number of standard errors. INCONCLUSIVE: the measurement does not settle the claim.";
    }
}
