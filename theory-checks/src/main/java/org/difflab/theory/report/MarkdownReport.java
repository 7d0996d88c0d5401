package org.difflab.theory.report;

import java.util.List;
import org.difflab.theory.claims.Check;
import org.difflab.theory.claims.Claim;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Table;

/** REPORT.md: the summary table, then per family of claims one section per claim with its setup, plot, checks and tables. */
final class MarkdownReport {
    private MarkdownReport() {}

    /** The Markdown text; plots and CSV files are referenced by name next to the file. */
    static String of(List<ClaimResult> results) {
        StringBuilder b = new StringBuilder("# DiffLab claims report\n\n");
        b.append(Verdicts.summary(results)).append("\n\n").append(Verdicts.legend()).append("\n\n");
        b.append("| claim | family | integrators | expected | measured [95% CI] | verdict |\n|---|---|---|---|---|---|\n");
        for (ClaimResult r : results) {
            b.append("| [").append(r.claim().id()).append("](#").append(r.claim().id()).append(") | ").append(r.claim().family())
                    .append(" | ").append(Cells.integrators(r)).append(" | ").append(Cells.expected(r)).append(" | ")
                    .append(Cells.measured(r)).append(" | **").append(r.verdict()).append("** |\n");
        }
        String family = null;
        for (ClaimResult r : results) {
            Claim c = r.claim();
            if (!c.family().equals(family)) {
                family = c.family();
                b.append("\n## ").append(family).append('\n');
            }
            b.append("\n### ").append(c.id()).append("\n\n");
            b.append("- **Verdict:** **").append(r.verdict()).append("**\n");
            b.append("- **Theory:** ").append(c.statement()).append("\n");
            b.append("- **Source:** ").append(c.source()).append("\n");
            b.append("- **Expected:** ").append(c.expectation()).append("\n");
            b.append("- **Setup:** ").append(c.setup()).append("\n");
            if (!c.note().isEmpty()) {
                b.append("- **Note:** ").append(c.note()).append("\n");
            }
            b.append("\n![").append(c.id()).append("](").append(Cells.plotFile(r)).append(")\n\n");
            for (int f = 0; f < r.figures().size(); f++) {
                b.append("![").append(r.figures().get(f).caption()).append("](").append(Cells.figureFile(r, f + 1)).append(")\n");
            }
            if (!r.figures().isEmpty()) {
                b.append('\n');
            }
            b.append("| subject | quantity | measured [95% CI] | expected | verdict | why |\n|---|---|---|---|---|---|\n");
            for (Check k : r.checks()) {
                b.append("| ").append(k.subject()).append(" | ").append(k.quantity()).append(" | ").append(Cells.measured(k)).append(" | ")
                        .append(k.expected()).append(" | **").append(k.verdict()).append("** | ").append(k.judgement().reason()).append(" |\n");
            }
            for (int t = 0; t < r.tables().size(); t++) {
                Table table = r.tables().get(t);
                b.append("\n").append(table.title()).append(" ([").append(Cells.tableFile(r, t + 1)).append("](")
                        .append(Cells.tableFile(r, t + 1)).append("))\n\n");
                b.append("| ").append(String.join(" | ", table.columns())).append(" |\n|");
                b.append("---|".repeat(table.columns().size())).append('\n');
                for (List<String> row : table.rows()) {
                    b.append("| ").append(String.join(" | ", row)).append(" |\n");
                }
            }
        }
        return b.toString();
    }
}
