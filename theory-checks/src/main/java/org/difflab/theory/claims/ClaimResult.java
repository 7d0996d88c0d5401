package org.difflab.theory.claims;

import java.util.List;

/**
 * A claim with its judged numbers, the evidence behind them and the overall verdict: the worst of the checks'
 * verdicts, since a claim about several samplers or cases holds only if it holds for each; a VIOLATED
 * {@link ClaimKind#RECONSTRUCTION reconstruction} is a {@link Verdict#FINDING}. Its controls' results are attached when
 * they were run ({@code difflab check --controls}).
 *
 * @param claim       the claim (its description: a result does not run its claim again)
 * @param checks      the judged numbers, at least 1
 * @param tables      evidence tables (e.g. errors against steps)
 * @param chart       the claim's plot
 * @param figures     pictures beside the plot (e.g. sample grids of image samplers; often none)
 * @param wallSeconds measuring time
 * @param controls    the claim's control runs (empty when not run)
 */
public record ClaimResult(ClaimDescription claim, List<Check> checks, List<Table> tables, Chart chart, List<Figure> figures, double wallSeconds,
                          List<ControlResult> controls) implements CheckRun {

    /** A result without figures. */
    public ClaimResult(ClaimDescription claim, List<Check> checks, List<Table> tables, Chart chart, double wallSeconds) {
        this(claim, checks, tables, chart, List.of(), wallSeconds, List.of());
    }

    /** A result with figures, without control runs. */
    public ClaimResult(ClaimDescription claim, List<Check> checks, List<Table> tables, Chart chart, List<Figure> figures, double wallSeconds) {
        this(claim, checks, tables, chart, figures, wallSeconds, List.of());
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
        controls = controls == null ? List.of() : List.copyOf(controls);
    }

    /** This result with its controls' runs attached. */
    public ClaimResult withControls(List<ControlResult> runs) {
        return new ClaimResult(claim, checks, tables, chart, figures, wallSeconds, runs);
    }

    /** The claim's verdict: the measured verdict, except that a VIOLATED reconstruction is a FINDING about our scheme. */
    public Verdict verdict() {
        Verdict v = measuredVerdict();
        return v == Verdict.VIOLATED && !claim.kind().violationFails() ? Verdict.FINDING : v;
    }

    /** Whether this result should fail a check run: a paper or consistency claim is VIOLATED (INCONCLUSIVE and FINDING do not). */
    public boolean failed() {
        return verdict() == Verdict.VIOLATED;
    }

    /** Seconds spent on the controls. */
    public double controlSeconds() {
        return controls.stream().mapToDouble(c -> c.result().wallSeconds()).sum();
    }
}
