package org.difflab.plugin.notebook.repr;

import java.util.ArrayList;
import java.util.List;
import org.difflab.plugin.notebook.Html;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.theory.claims.OrderChart;
import org.difflab.theory.claims.Table;
import org.difflab.theory.convergence.ConvergenceResult;
import org.difflab.theory.convergence.StepProxy;

/**
 * A convergence study in a notebook: the fitted orders with their 95% intervals beside the expected ones and each
 * integrator's errors (HTML), and the log-log plot of error against steps with fitted lines and theory slopes.
 */
public final class ConvergenceRepr {
    private ConvergenceRepr() {}

    public static MimeBundle of(ConvergenceResult r) {
        List<List<String>> orders = new ArrayList<>();
        for (ConvergenceResult.Series s : r.series().values()) {
            orders.add(List.of(s.integrator(), Numbers.fixed(s.expectedOrder(), 1),
                    Numbers.fixed(s.fit().order(), 3) + " [" + Numbers.fixed(s.fit().lower(), 3) + ", "
                            + Numbers.fixed(s.fit().upper(), 3) + "]",
                    Numbers.fixed(s.fit().localSlopes()[s.fit().localSlopes().length - 1], 3)));
        }
        StringBuilder html = new StringBuilder(Html.table("Fitted orders against h = " + (r.proxy() == StepProxy.STEPS ? "1/T" : "ln T / T")
                + " (" + r.metric() + ", 95% intervals)", List.of("integrator", "expected order", "fitted order", "last local slope"), orders));
        for (ConvergenceResult.Series s : r.series().values()) {
            Table t = OrderChart.errorTable(s, r.metric());
            html.append(Html.table(t.title(), t.columns(), t.rows()));
        }
        MimeBundle.Builder b = MimeBundle.text(r.toString()).with(MimeBundle.HTML, html.toString());
        return ChartRepr.images(OrderChart.of(r.metric() + " error against steps", r, ConvergenceResult.Series::expectedOrder), b).build();
    }
}
