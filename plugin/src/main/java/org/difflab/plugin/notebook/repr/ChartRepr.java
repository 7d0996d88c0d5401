package org.difflab.plugin.notebook.repr;

import org.difflab.plugin.notebook.Images;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.theory.claims.Chart;
import org.difflab.theory.report.ChartPlot;
import org.knowm.xchart.XYChart;

/**
 * A {@link Chart} (measured lines, least-squares fits, theory slopes) as PNG and SVG, drawn like the report's plots;
 * its text is the title and the legend.
 */
public final class ChartRepr {
    private ChartRepr() {}

    public static MimeBundle of(Chart c) {
        return images(c, MimeBundle.text(text(c))).build();
    }

    /** Adds the chart's PNG and SVG to a bundle being built. */
    public static MimeBundle.Builder images(Chart c, MimeBundle.Builder b) {
        XYChart chart = ChartPlot.draw(c);
        return b.with(MimeBundle.PNG, Images.png(chart)).with(MimeBundle.SVG, Images.svg(chart));
    }

    static String text(Chart c) {
        StringBuilder b = new StringBuilder("Chart: ").append(c.title()).append(" (").append(c.yLabel()).append(" against ")
                .append(c.xLabel()).append(")");
        for (Chart.Line l : c.lines()) {
            b.append("\n  ").append(l.style().name().toLowerCase()).append(": ").append(l.label());
        }
        return b.toString();
    }
}
