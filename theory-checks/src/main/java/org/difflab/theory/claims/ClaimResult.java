package org.difflab.theory.claims;

import java.util.List;

/**
 * A claim with its judged numbers, the evidence behind them and the overall verdict: the worst of the checks'
 * verdicts, since a claim about several samplers or cases holds only if it holds for each.
 *
 * @param claim       the claim
 * @param checks      the judged numbers, at least 1
 * @param tables      evidence tables (e.g. errors against steps)
 * @param chart       the claim's plot
 * @param figures     pictures beside the plot (e.g. sample grids of image samplers; often none)
 * @param wallSeconds measuring time
 */
public record ClaimResult(Claim claim, List<Check> checks, List<Table> tables, Chart chart, List<Figure> figures, double wallSeconds) {

    /** A result without figures. */
    public ClaimResult(Claim claim, List<Check> checks, List<Table> tables, Chart chart, double wallSeconds) {
        this(claim, checks, tables, chart, List.of(), wallSeconds);
    }

    public ClaimResult {
        if (checks == null || checks.isEmpty()) {
            throw new IllegalArgumentException("checks is empty, which is not allowed for claim " + (claim == null ? null : claim.id()));
        }
        if (chart == null) {
            throw new IllegalArgumentException("chart is null, which is not allowed for claim " + claim.id() + ": every claim has a plot");
        }
        checks = List.copyOf(checks);
        tables = List.copyOf(tables);
        figures = figures == null ? List.of() : List.copyOf(figures);
    }

    public Verdict verdict() {
        Verdict v = Verdict.HOLDS;
        for (Check c : checks) {
            v = v.worse(c.verdict());
        }
        return v;
    }

    /** Whether this result should fail a check run: the claim is VIOLATED (INCONCLUSIVE does not fail). */
    public boolean failed() {
        return verdict() == Verdict.VIOLATED;
    }
}
