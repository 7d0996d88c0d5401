package org.difflab.theory.report;

import java.util.List;
import org.difflab.theory.claims.Claim;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Measurement;
import org.difflab.theory.convergence.ConvergenceResult;

/** REPORT.md: the summary table, then one section per claim with its setup, plot, numbers and verdict reason. */
public final class MarkdownReport {
    private MarkdownReport() {}

    /** The Markdown text; plots are referenced as {@code <id>.png} next to the file. */
    public static String of(List<ClaimResult> results) {
        StringBuilder b = new StringBuilder("# DiffLab claims report\n\n");
        b.append(Verdicts.summary(results)).append("\n\n").append(Verdicts.legend()).append("\n\n");
        b.append("| claim | integrators | expected | measured order [95% CI] | verdict |\n|---|---|---:|---|---|\n");
        for (ClaimResult r : results) {
            b.append("| [").append(r.claim().id()).append("](#").append(r.claim().id()).append(") | ").append(Cells.integrators(r))
                    .append(" | ").append(Cells.expected(r.claim().expectedOrder())).append(" | ").append(Cells.measured(r))
                    .append(" | **").append(r.verdict()).append("** |\n");
        }
        for (ClaimResult r : results) {
            Claim c = r.claim();
            b.append("\n## ").append(c.id()).append("\n\n");
            b.append("- **Verdict:** **").append(r.verdict()).append("**\n");
            b.append("- **Theory:** ").append(c.statement()).append("\n");
            b.append("- **Source:** ").append(c.source()).append("\n");
            b.append("- **Expected:** ").append(c.expectation()).append("\n");
            b.append("- **Setup:** ").append(c.experiment().describe()).append("\n");
            if (!c.note().isEmpty()) {
                b.append("- **Note:** ").append(c.note()).append("\n");
            }
            b.append("\n![").append(c.id()).append("](").append(Cells.stem(r)).append(".png)\n\n");
            for (Measurement m : r.measurements()) {
                b.append("**").append(m.integrator()).append("**: order ").append(Cells.precise(m.order())).append(", 95% CI ")
                        .append(Cells.ci(m)).append(", local slopes ").append(Cells.slopes(m.localSlopes())).append(". ")
                        .append(m.verdict()).append(": ").append(m.judgement().reason()).append(".\n\n");
                b.append("| steps | NFE | ").append(c.experiment().metric()).append(" error | wall s |\n|---:|---:|---:|---:|\n");
                for (ConvergenceResult.Point p : m.points()) {
                    b.append("| ").append(p.steps()).append(" | ").append(p.nfe()).append(" | ").append(Cells.sci(p.error().value()))
                            .append(" | ").append(Cells.seconds(p.wallSeconds())).append(" |\n");
                }
                b.append('\n');
            }
            b.append("Errors as CSV: [").append(Cells.stem(r)).append("-errors.csv](").append(Cells.stem(r)).append("-errors.csv)\n");
        }
        return b.toString();
    }
}
