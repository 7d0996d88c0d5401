package org.difflab.plugin.notebook.repr;

import java.util.List;
import org.difflab.plugin.notebook.Html;
import org.difflab.plugin.notebook.Images;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.theory.claims.Check;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Figure;
import org.difflab.theory.claims.Table;
import org.difflab.theory.report.Cells;
import org.difflab.theory.report.ClaimSections;

/**
 * A checked claim in a notebook, as the report shows it: verdict and kind, provenance (paper, place, how the setting
 * differs), rule, statement and setup, the judged numbers with their intervals and reasons, the controls when they
 * ran, the evidence tables and the figures (e.g. sample grids) in HTML, and the claim's plot.
 */
public final class ClaimRepr {
    private ClaimRepr() {}

    public static MimeBundle of(ClaimResult r) {
        StringBuilder text = new StringBuilder(r.claim().id()).append(": ").append(r.verdict()).append(" (").append(r.claim().kind().label())
                .append("; ").append(Cells.provenance(r.claim())).append(')');
        for (Check c : r.checks()) {
            text.append("\n  ").append(c.subject()).append(' ').append(c.quantity()).append(" = ").append(Cells.measured(c))
                    .append(" (expected ").append(c.expected()).append("): ").append(c.verdict());
        }
        StringBuilder html = new StringBuilder("<h4>").append(Html.escape(r.claim().id())).append(": ").append(r.verdict()).append("</h4><p>");
        List<String[]> facts = ClaimSections.facts(r);
        for (int i = 0; i < facts.size(); i++) {
            html.append(i == 0 ? "" : "<br>").append("<b>").append(Html.escape(facts.get(i)[0])).append(".</b> ").append(Html.escape(facts.get(i)[1]));
        }
        html.append("</p>").append(Html.table("Checks (" + Cells.seconds(r.wallSeconds()) + " s)", ClaimSections.checkColumns(),
                ClaimSections.checkRows(r)));
        if (!r.controls().isEmpty()) {
            html.append(Html.table("Controls", ClaimSections.controlColumns(), ClaimSections.controlRows(r)));
        }
        for (Table t : r.tables()) {
            html.append(Html.table(t.title(), t.columns(), t.rows()));
        }
        if (!r.figures().isEmpty()) {
            html.append("<div style=\"display:flex;flex-wrap:wrap;gap:1em\">");
            for (Figure f : r.figures()) {
                html.append("<figure style=\"margin:0;width:15em\"><img style=\"width:100%;image-rendering:pixelated\" src=\"data:image/png;base64,")
                        .append(Images.png(f.image())).append("\" alt=\"").append(Html.escape(f.caption())).append("\"><figcaption>")
                        .append(Html.escape(f.caption())).append("</figcaption></figure>");
            }
            html.append("</div>");
        }
        return ChartRepr.images(r.chart(), MimeBundle.text(text.toString()).with(MimeBundle.HTML, html.toString())).build();
    }
}
