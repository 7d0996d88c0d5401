package org.difflab.plugin.notebook.repr;

import java.util.ArrayList;
import java.util.List;
import org.difflab.plugin.notebook.Html;
import org.difflab.plugin.notebook.Images;
import org.difflab.plugin.notebook.MimeBundle;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A noise schedule in a notebook: its spec, alpha, sigma and log-SNR at a few times (HTML), and alpha(t), sigma(t)
 * over [0, tMax] (PNG, SVG), the curves a reader compares schedules by.
 */
public final class ScheduleRepr {
    private static final int POINTS = 201;
    private static final double[] TABLE_FRACTIONS = {0, 0.01, 0.1, 0.25, 0.5, 0.75, 1};

    private ScheduleRepr() {}

    public static MimeBundle of(NoiseSchedule s) {
        List<List<String>> rows = new ArrayList<>();
        for (double f : TABLE_FRACTIONS) {
            double t = f * s.tMax();
            rows.add(List.of(Numbers.fixed(t, 4), Numbers.fixed(s.alpha(t), 6), Numbers.fixed(s.sigma(t), 6),
                    t == 0 ? "inf" : Numbers.fixed(s.lambda(t), 4)));
        }
        String html = Html.table(s.spec() + " (tMin " + s.tMin() + ", tMax " + s.tMax() + (s.discrete() ? ", discrete" : "") + ")",
                List.of("t", "alpha", "sigma", "ln(alpha/sigma)"), rows);
        double[] t = new double[POINTS];
        double[] a = new double[POINTS];
        double[] sg = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            t[i] = s.tMax() * i / (POINTS - 1);
            a[i] = s.alpha(t[i]);
            sg[i] = s.sigma(t[i]);
        }
        XYChart chart = new XYChartBuilder().width(700).height(420).title(s.spec()).xAxisTitle("t").yAxisTitle("scale").build();
        chart.addSeries("alpha(t)", t, a).setMarker(SeriesMarkers.NONE);
        chart.addSeries("sigma(t)", t, sg).setMarker(SeriesMarkers.NONE);
        return MimeBundle.text("NoiseSchedule " + s.spec()).with(MimeBundle.HTML, html).with(MimeBundle.PNG, Images.png(chart))
                .with(MimeBundle.SVG, Images.svg(chart)).build();
    }
}
