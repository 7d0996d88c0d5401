package org.difflab.theory.report;

/** The paragraph at the top of every report: what the verdicts and kinds mean, so a reader need not look up the rules. */
final class Verdicts {
    private Verdicts() {}

    /** One paragraph: how numbers are measured, what the verdicts and kinds mean, and which verdicts fail a run. */
    static String legend() {
        return "Errors on Gaussian targets are exact (exact evaluation of the sampler's output law; expectations over random "
                + "selections that enter each step affinely are computed, not sampled); Monte Carlo numbers carry 95% intervals. "
                + "A claim's verdict is the worst of its checks, each judged with its uncertainty by the rule of its kind (given in "
                + "its section): a two-sided band HOLDS only when the whole interval lies inside and is VIOLATED only when it lies "
                + "wholly outside; a bound HOLDS unless the whole interval lies above it, with a log allowance fixed before measuring "
                + "and a fit only over the asymptotic range; an order HOLDS when its interval contains the expected order or the order "
                + "and the last local slope are within the tolerance. INCONCLUSIVE: the measurement does not settle the claim. Kinds: "
                + "paper (the paper's algorithm and setting, as far as the sources show them), reconstruction (DiffLab's own scheme "
                + "built from a paper's ingredients; when it misses the paper's statement the verdict is FINDING, about our scheme, "
                + "never about the paper), consistency (checks of DiffLab's machinery). difflab check exits 1 only when a paper or "
                + "consistency claim is VIOLATED. Controls (difflab check --controls): a positive control must HOLD and each mutant "
                + "must be VIOLATED; the mutation score is mutants caught / mutants.";
    }
}
