package org.difflab.theory.report;

import java.util.List;
import org.difflab.theory.claims.Claim;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Measurement;
import org.difflab.theory.claims.Verdict;
import org.difflab.theory.convergence.ConvergenceResult;

/** index.html: the same content as {@link MarkdownReport}, self-contained except for the PNG plots beside it. */
public final class HtmlReport {
    private static final String STYLE = "body{font-family:sans-serif;max-width:60em;margin:2em auto;line-height:1.4;color:#222}"
            + "table{border-collapse:collapse;margin:.6em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}"
            + "td.n{text-align:right;font-family:monospace}th{background:#f2f2f2}.HOLDS{color:#1a7f37;font-weight:bold}"
            + ".VIOLATED{color:#c62828;font-weight:bold}.INCONCLUSIVE{color:#b26a00;font-weight:bold}"
            + "dt{font-weight:bold;float:left;width:7em}dd{margin-left:8em}img{max-width:100%;border:1px solid #ddd}"
            + "p.legend{color:#555;font-size:90%}";

    private HtmlReport() {}

    /** The HTML document; plots are referenced as {@code <id>.png} next to the file. */
    public static String of(List<ClaimResult> results) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>DiffLab claims report</title><style>" + STYLE + "</style></head><body>\n<h1>DiffLab claims report</h1>\n");
        b.append("<p>").append(esc(Verdicts.summary(results))).append("</p>\n");
        b.append("<p class=\"legend\">").append(esc(Verdicts.legend())).append("</p>\n");
        b.append("<table><tr><th>claim</th><th>integrators</th><th>expected</th><th>measured order [95% CI]</th><th>verdict</th></tr>\n");
        for (ClaimResult r : results) {
            b.append("<tr><td><a href=\"#").append(r.claim().id()).append("\">").append(r.claim().id()).append("</a></td><td>")
                    .append(esc(Cells.integrators(r))).append("</td><td class=\"n\">").append(Cells.expected(r.claim().expectedOrder()))
                    .append("</td><td class=\"n\">").append(esc(Cells.measured(r))).append("</td>").append(verdict(r.verdict()))
                    .append("</tr>\n");
        }
        b.append("</table>\n");
        for (ClaimResult r : results) {
            Claim c = r.claim();
            b.append("<h2 id=\"").append(c.id()).append("\">").append(c.id()).append(" &mdash; <span class=\"").append(r.verdict())
                    .append("\">").append(r.verdict()).append("</span></h2>\n<dl>");
            b.append("<dt>Theory</dt><dd>").append(esc(c.statement())).append("</dd>");
            b.append("<dt>Source</dt><dd>").append(esc(c.source())).append("</dd>");
            b.append("<dt>Expected</dt><dd>").append(esc(c.expectation())).append("</dd>");
            b.append("<dt>Setup</dt><dd>").append(esc(c.experiment().describe())).append("</dd>");
            if (!c.note().isEmpty()) {
                b.append("<dt>Note</dt><dd>").append(esc(c.note())).append("</dd>");
            }
            b.append("</dl>\n<img src=\"").append(Cells.stem(r)).append(".png\" alt=\"log-log plot of ").append(c.id()).append("\">\n");
            for (Measurement m : r.measurements()) {
                b.append("<p><b>").append(esc(m.integrator())).append("</b>: order ").append(Cells.precise(m.order())).append(", 95% CI ")
                        .append(Cells.ci(m)).append(", local slopes ").append(Cells.slopes(m.localSlopes())).append(". <span class=\"")
                        .append(m.verdict()).append("\">").append(m.verdict()).append("</span>: ").append(esc(m.judgement().reason()))
                        .append(".</p>\n");
                b.append("<table><tr><th>steps</th><th>NFE</th><th>").append(esc(c.experiment().metric()))
                        .append(" error</th><th>wall s</th></tr>\n");
                for (ConvergenceResult.Point p : m.points()) {
                    b.append("<tr><td class=\"n\">").append(p.steps()).append("</td><td class=\"n\">").append(p.nfe())
                            .append("</td><td class=\"n\">").append(Cells.sci(p.error().value())).append("</td><td class=\"n\">")
                            .append(Cells.seconds(p.wallSeconds())).append("</td></tr>\n");
                }
                b.append("</table>\n");
            }
            b.append("<p>Errors as CSV: <a href=\"").append(Cells.stem(r)).append("-errors.csv\">").append(Cells.stem(r))
                    .append("-errors.csv</a></p>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    private static String verdict(Verdict v) {
        return "<td class=\"" + v + "\">" + v + "</td>";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
