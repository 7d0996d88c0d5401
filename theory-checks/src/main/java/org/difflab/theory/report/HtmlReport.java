package org.difflab.theory.report;

import java.util.List;
import org.difflab.theory.claims.ClaimDescription;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Table;
import org.difflab.theory.claims.Verdict;

/** index.html: the same content as {@link MarkdownReport}, self-contained except for the PNG plots and CSV files beside it. */
final class HtmlReport {
    private static final String STYLE = "body{font-family:sans-serif;max-width:64em;margin:2em auto;line-height:1.4;color:#222}"
            + "table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}"
            + "td.n{text-align:right;font-family:monospace}th{background:#f2f2f2}.HOLDS{color:#1a7f37;font-weight:bold}"
            + ".VIOLATED{color:#c62828;font-weight:bold}.INCONCLUSIVE{color:#b26a00;font-weight:bold}.FINDING{color:#6a1b9a;font-weight:bold}"
            + "dt{font-weight:bold;float:left;width:9em}dd{margin-left:10em}img{max-width:100%;border:1px solid #ddd}"
            + "p.legend{color:#555;font-size:90%}h2{border-bottom:2px solid #ddd;margin-top:2em}"
            + "div.figures{display:flex;flex-wrap:wrap;gap:1em}figure{margin:0;width:15em}figure img{width:100%;image-rendering:pixelated}"
            + "figcaption{font-size:85%;color:#444}";

    private HtmlReport() {}

    /** The HTML document. */
    static String of(List<ClaimResult> results, boolean controlsRun) {
        Summary s = Summary.of(results, controlsRun);
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>DiffLab claims report</title><style>" + STYLE + "</style></head><body>\n<h1>DiffLab claims report</h1>\n<h2>Summary</h2>\n");
        b.append("<p>").append(esc(s.line())).append(".</p>\n");
        table(b, ClaimSections.kindColumns(), ClaimSections.kindRows(s));
        b.append("<p>").append(esc(s.mutationLine())).append(".</p>\n");
        if (s.findings().isEmpty()) {
            b.append("<p>Findings: none.</p>\n");
        } else {
            b.append("<p>Findings (reconstruction claims that miss the paper's statement; they do not fail the run):</p>\n<ul>");
            for (ClaimResult f : s.findings()) {
                b.append("<li><a href=\"#").append(f.claim().id()).append("\">").append(f.claim().id()).append("</a>: ")
                        .append(esc(ClaimSections.finding(f))).append("</li>");
            }
            b.append("</ul>\n");
        }
        b.append("<p class=\"legend\">").append(esc(Verdicts.legend())).append("</p>\n");
        b.append("<table><tr><th>claim</th><th>kind</th><th>provenance</th><th>expected</th><th>measured [95% CI]</th><th>verdict</th></tr>\n");
        for (ClaimResult r : results) {
            b.append("<tr><td><a href=\"#").append(r.claim().id()).append("\">").append(r.claim().id()).append("</a></td><td>")
                    .append(r.claim().kind().label()).append("</td><td>").append(esc(Cells.provenance(r.claim()))).append("</td><td class=\"n\">")
                    .append(esc(Cells.expected(r))).append("</td><td class=\"n\">").append(esc(Cells.measured(r))).append("</td>")
                    .append(verdict(r.verdict())).append("</tr>\n");
        }
        b.append("</table>\n");
        String family = null;
        for (ClaimResult r : results) {
            ClaimDescription c = r.claim();
            if (!c.family().equals(family)) {
                family = c.family();
                b.append("<h2>").append(esc(family)).append("</h2>\n");
            }
            b.append("<h3 id=\"").append(c.id()).append("\">").append(c.id()).append(" &mdash; <span class=\"").append(r.verdict())
                    .append("\">").append(r.verdict()).append("</span></h3>\n<dl>");
            for (String[] fact : ClaimSections.facts(r)) {
                b.append("<dt>").append(esc(fact[0])).append("</dt><dd>").append(esc(fact[1])).append("</dd>");
            }
            b.append("</dl>\n<img src=\"").append(Cells.plotFile(r)).append("\" alt=\"plot of ").append(c.id()).append("\">\n");
            if (!r.figures().isEmpty()) {
                b.append("<div class=\"figures\">");
                for (int f = 0; f < r.figures().size(); f++) {
                    b.append("<figure><img src=\"").append(Cells.figureFile(r, f + 1)).append("\" alt=\"").append(esc(r.figures().get(f).caption()))
                            .append("\"><figcaption>").append(esc(r.figures().get(f).caption())).append("</figcaption></figure>");
                }
                b.append("</div>\n");
            }
            table(b, ClaimSections.checkColumns(), ClaimSections.checkRows(r));
            if (!r.controls().isEmpty()) {
                b.append("<p>Controls</p>\n");
                table(b, ClaimSections.controlColumns(), ClaimSections.controlRows(r));
            }
            for (int t = 0; t < r.tables().size(); t++) {
                Table table = r.tables().get(t);
                b.append("<p>").append(esc(table.title())).append(" (<a href=\"").append(Cells.tableFile(r, t + 1)).append("\">")
                        .append(Cells.tableFile(r, t + 1)).append("</a>)</p>\n<table><tr>");
                for (String h : table.columns()) {
                    b.append("<th>").append(esc(h)).append("</th>");
                }
                b.append("</tr>\n");
                for (List<String> row : table.rows()) {
                    b.append("<tr>");
                    for (String cell : row) {
                        b.append("<td class=\"n\">").append(esc(cell)).append("</td>");
                    }
                    b.append("</tr>\n");
                }
                b.append("</table>\n");
            }
        }
        return b.append("</body></html>\n").toString();
    }

    private static void table(StringBuilder b, List<String> columns, List<List<String>> rows) {
        b.append("<table><tr>");
        columns.forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
        b.append("</tr>\n");
        for (List<String> row : rows) {
            b.append("<tr>");
            for (String cell : row) {
                boolean isVerdict = cell.equals("HOLDS") || cell.equals("VIOLATED") || cell.equals("INCONCLUSIVE") || cell.equals("FINDING");
                b.append(isVerdict ? "<td class=\"" + cell + "\">" : "<td>").append(esc(cell)).append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table>\n");
    }

    private static String verdict(Verdict v) {
        return "<td class=\"" + v + "\">" + v + "</td>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
