package org.difflab.plugin.notebook.repr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.difflab.distributed.sweep.SweepPlots;
import org.difflab.distributed.sweep.SweepRow;
import org.difflab.distributed.sweep.SweepTable;
import org.difflab.plugin.notebook.Html;
import org.difflab.plugin.notebook.Images;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.theory.claims.Chart;
import org.difflab.theory.report.ChartPlot;

/**
 * A sweep's table in a notebook: where and how long it ran, each study as its own result renders (fitted orders and
 * errors, or complexity exponents and T(d, eps) cells), the notes, the first rows of the table, and the sweep's plots
 * (the first as the bundle's image, every one inline in the HTML).
 */
public final class SweepRepr {
    /** Rows shown in the HTML table (the files hold all). */
    static final int ROWS = 60;

    private SweepRepr() {}

    public static MimeBundle of(SweepTable t) {
        StringBuilder html = new StringBuilder(String.format(Locale.ROOT, "<p><b>Sweep of %d cells</b> on %s (%d executor%s, %.1f s)</p>",
                t.rows().size(), Html.escape(t.master()), t.executors(), t.executors() == 1 ? "" : "s", t.seconds()));
        t.convergence().forEach((study, r) -> html.append("<h4>").append(Html.escape(study)).append("</h4>")
                .append(ConvergenceRepr.of(r).get(MimeBundle.HTML)));
        t.complexity().forEach((study, r) -> html.append("<h4>").append(Html.escape(study)).append("</h4>")
                .append(ComplexityRepr.of(r).get(MimeBundle.HTML)));
        t.fits().notes().forEach(n -> html.append("<p>note: ").append(Html.escape(n)).append("</p>"));
        html.append(Html.table("Cells" + (t.rows().size() > ROWS ? " (first " + ROWS + " of " + t.rows().size() + ")" : ""),
                List.of("cell", "target", "integrator", "metric", "steps", "eps", "seed", "value", "NFE", "seconds", "executor"), rows(t)));
        Map<String, Chart> charts = SweepPlots.charts(t.fits());
        Chart first = null;
        for (Chart c : charts.values()) {
            if (c.lines().isEmpty()) {
                continue;
            }
            first = first == null ? c : first;
            html.append("<img style=\"max-width:100%\" src=\"data:image/png;base64,").append(Images.png(ChartPlot.draw(c))).append("\"/>");
        }
        MimeBundle.Builder b = MimeBundle.text(t.toString()).with(MimeBundle.HTML, html.toString());
        return first == null ? b.build() : ChartRepr.images(first, b).build();
    }

    private static List<List<String>> rows(SweepTable t) {
        List<List<String>> out = new ArrayList<>();
        for (SweepRow r : t.rows().subList(0, Math.min(ROWS, t.rows().size()))) {
            out.add(List.of(Integer.toString(r.cell()), r.target(), r.integrator(), r.metric(), Integer.toString(r.steps()),
                    Double.isNaN(r.eps()) ? "" : Numbers.sci(r.eps()), r.samples() == 0 ? "" : Long.toString(r.seed()), Numbers.sci(r.value()),
                    Long.toString(r.nfe()), Numbers.fixed(r.seconds(), 3), r.executor()));
        }
        return out;
    }
}
