package org.difflab.theory.report;

/** The explanation of the verdicts printed at the top of every report, so a reader need not look up the rule. */
final class Verdicts {
    private Verdicts() {}

    /** One paragraph: what HOLDS, VIOLATED and INCONCLUSIVE mean. */
    static String legend() {
        return "HOLDS: the 95% confidence interval of the fitted order contains the expected order, or the fitted order and the "
                + "last local slope are both within the claim's tolerance of it (exact errors have no noise, so the interval is "
                + "narrow and reflects pre-asymptotic curvature). VIOLATED: the interval excludes the expected order and the fitted "
                + "order is off by more than the tolerance. INCONCLUSIVE: anything else, e.g. local slopes still drifting.";
    }
}
