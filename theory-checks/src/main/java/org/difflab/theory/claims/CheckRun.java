package org.difflab.theory.claims;

import java.util.List;

/**
 * One run of a claim's checks: the judged numbers and how long the run took. A {@link ClaimResult} is one; a
 * {@link ControlResult} holds its variant's run as this, so that a control's result does not depend on the claim result
 * that lists it (no import cycle).
 */
public interface CheckRun {

    /** The judged numbers, at least 1. */
    List<Check> checks();

    /** Measuring time. */
    double wallSeconds();

    /** The worst of the checks' verdicts: HOLDS, INCONCLUSIVE or VIOLATED (a claim holds only if it holds for each case). */
    default Verdict measuredVerdict() {
        Verdict v = Verdict.HOLDS;
        for (Check c : checks()) {
            v = v.worse(c.verdict());
        }
        return v;
    }
}
