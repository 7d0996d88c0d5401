package org.difflab.plugin.notebook.repr;

import java.util.ArrayList;
import java.util.List;
import org.difflab.plugin.notebook.Html;
import org.difflab.plugin.notebook.Images;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.theory.claims.Check;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Figure;
import org.difflab.theory.claims.Table;
import org.difflab.theory.report.Cells;

/**
 * A checked claim in a notebook, as the report shows it: verdict, statement and setup, the judged numbers with their
 * intervals and reasons, the evidence tables and the figures (e.g. sample grids) in HTML, and the claim's plot.
 */
public final class ClaimRepr {
    private ClaimRepr() {}

    public static MimeBundle of(ClaimResult r) {
        StringBuilder text = new StringBuilder(r.claim().id()).append(": ").append(r.verdict());
        List<List<String>> checks = new ArrayList<>();
        for (Check c : r.checks()) {
            text.append("\n  ").append(c.subject()).append(' ').append(c.quantity()).append(" = ").append(Cells.measured(c))
                    .append(" (expected ").append(c.expected()).append("): ").append(c.verdict());
            checks.add(List.of(c.subject(), c.quantity(), Cells.measured(c), c.expected(), c.verdict().name(), c.judgement().reason()));
        }
        StringBuilder html = new StringBuilder("<h4>").append(Html.escape(r.claim().id())).append(": ").append(r.verdict()).append("</h4>")
                .append("<p><b>Statement.</b> ").append(Html.escape(r.claim().statement())).append("<br><b>Setup.</b> ")
                .append(Html.escape(r.claim().setup())).append("<br><b>Source.</b> ").append(Html.escape(r.claim().source())).append("</p>")
                .append(Html.table("Checks (" + Cells.seconds(r.wallSeconds()) + " s)", List.of("subject", "quantity", "measured [95%]",
                        "expected", "verdict", "reason"), checks));
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
