package org.difflab.theory.report;

import java.util.List;
import org.difflab.theory.claims.ClaimDescription;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Table;

/**
 * REPORT.md: a summary (claims per verdict and per kind, the mutation score, the findings), the table of claims with
 * their kind and provenance, then per family of claims one section per claim with its provenance, rule, plot, checks
 * with their intervals, controls and tables.
 */
final class MarkdownReport {
    private MarkdownReport() {}

    /** The Markdown text; plots and CSV files are referenced by name next to the file. */
    static String of(List<ClaimResult> results, boolean controlsRun) {
        Summary s = Summary.of(results, controlsRun);
        StringBuilder b = new StringBuilder("# DiffLab claims report\n\n## Summary\n\n");
        b.append(s.line()).append(".\n\n");
        table(b, ClaimSections.kindColumns(), ClaimSections.kindRows(s));
        b.append('\n').append(s.mutationLine()).append(".\n\n");
        if (s.findings().isEmpty()) {
            b.append("Findings: none.\n\n");
        } else {
            b.append("Findings (reconstruction claims that miss the paper's statement; they do not fail the run):\n\n");
            for (ClaimResult f : s.findings()) {
                b.append("- [").append(f.claim().id()).append("](#").append(f.claim().id()).append("): ").append(ClaimSections.finding(f))
                        .append('\n');
            }
            b.append('\n');
        }
        b.append(Verdicts.legend()).append("\n\n");
        b.append("| claim | kind | provenance | expected | measured [95% CI] | verdict |\n|---|---|---|---|---|---|\n");
        for (ClaimResult r : results) {
            b.append("| [").append(r.claim().id()).append("](#").append(r.claim().id()).append(") | ").append(r.claim().kind().label())
                    .append(" | ").append(cell(Cells.provenance(r.claim()))).append(" | ").append(cell(Cells.expected(r))).append(" | ")
                    .append(cell(Cells.measured(r))).append(" | **").append(r.verdict()).append("** |\n");
        }
        String family = null;
        for (ClaimResult r : results) {
            ClaimDescription c = r.claim();
            if (!c.family().equals(family)) {
                family = c.family();
                b.append("\n## ").append(family).append('\n');
            }
            b.append("\n### ").append(c.id()).append("\n\n");
            for (String[] fact : ClaimSections.facts(r)) {
                b.append("- **").append(fact[0]).append(":** ").append(fact[0].equals("Verdict") ? "**" + fact[1] + "**" : fact[1]).append('\n');
            }
            b.append("\n![").append(c.id()).append("](").append(Cells.plotFile(r)).append(")\n\n");
            for (int f = 0; f < r.figures().size(); f++) {
                b.append("![").append(r.figures().get(f).caption()).append("](").append(Cells.figureFile(r, f + 1)).append(")\n");
            }
            if (!r.figures().isEmpty()) {
                b.append('\n');
            }
            // alike HtmlReport in form only: the sections come from ClaimSections, only the markup differs
            table(b, ClaimSections.checkColumns(), ClaimSections.checkRows(r));
            if (!r.controls().isEmpty()) {
                b.append("\nControls:\n\n");
                table(b, ClaimSections.controlColumns(), ClaimSections.controlRows(r));
            }
            for (int t = 0; t < r.tables().size(); t++) {
                Table table = r.tables().get(t);
                b.append("\n").append(table.title()).append(" ([").append(Cells.tableFile(r, t + 1)).append("](")
                        .append(Cells.tableFile(r, t + 1)).append("))\n\n");
                table(b, table.columns(), table.rows());
            }
        }
        return b.toString();
    }

    private static void table(StringBuilder b, List<String> columns, List<List<String>> rows) {
        b.append("| ").append(String.join(" | ", columns.stream().map(MarkdownReport::cell).toList())).append(" |\n|");
        b.append("---|".repeat(columns.size())).append('\n');
        for (List<String> row : rows) {
            b.append("| ").append(String.join(" | ", row.stream().map(MarkdownReport::cell).toList())).append(" |\n");
        }
    }

    /** A table cell: pipes escaped. */
    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }
}
