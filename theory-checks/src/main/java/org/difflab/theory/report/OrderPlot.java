package org.difflab.theory.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Measurement;
import org.difflab.theory.convergence.ConvergenceResult;
import org.difflab.theory.convergence.StepProxy;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The log-log error-versus-steps plot of a claim: per integrator the measured errors (markers and lines), the
 * fitted power law (thin solid line) and a dashed reference line with the theory's slope anchored at the last
 * measured point, so a reader sees at once whether the measured errors run parallel to the theory.
 */
public final class OrderPlot {
    private static final Color[] COLORS = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
            new Color(148, 103, 189), new Color(255, 127, 14)};

    private OrderPlot() {}

    /** Draws the plot of {@code result} into a PNG file (the path should end in .png). */
    public static void write(ClaimResult result, Path png) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        StepProxy proxy = result.claim().experiment().proxy();
        double expected = result.claim().expectedOrder();
        XYChart chart = new XYChartBuilder().width(800).height(560)
                .title(result.claim().id() + ": " + result.verdict() + " (expected order " + fmt(expected) + ")")
                .xAxisTitle("steps T").yAxisTitle(result.claim().experiment().metric() + " error").build();
        XYStyler st = chart.getStyler();
        st.setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setMarkerSize(8);
        List<Measurement> ms = result.measurements();
        for (int k = 0; k < ms.size(); k++) {
            Measurement m = ms.get(k);
            Color color = COLORS[k % COLORS.length];
            List<ConvergenceResult.Point> pts = m.points();
            int n = pts.size();
            double[] t = new double[n];
            double[] e = new double[n];
            for (int i = 0; i < n; i++) {
                t[i] = pts.get(i).steps();
                e[i] = pts.get(i).error().value();
            }
            XYSeries data = chart.addSeries(m.integrator() + " (measured)", t, e);
            data.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(color).setLineColor(color);

            double intercept = 0;
            for (int i = 0; i < n; i++) {
                intercept += (Math.log(e[i]) - m.order() * Math.log(proxy.at(pts.get(i).steps()))
                        * (proxy == StepProxy.STEPS ? -1 : 1)) / n;
            }
            double[] fit = new double[n];
            for (int i = 0; i < n; i++) {
                fit[i] = Math.exp(intercept + (proxy == StepProxy.STEPS ? -1 : 1) * m.order() * Math.log(proxy.at(pts.get(i).steps())));
            }
            XYSeries fitted = chart.addSeries(m.integrator() + " fit: order " + fmt(m.order()), t, fit);
            fitted.setMarker(SeriesMarkers.NONE).setLineColor(color.darker()).setLineStyle(new BasicStroke(1f));

            double[] ref = new double[n];
            double lastProxy = proxy.at(pts.get(n - 1).steps());
            for (int i = 0; i < n; i++) {
                ref[i] = e[n - 1] * Math.pow(proxy.at(pts.get(i).steps()) / lastProxy, (proxy == StepProxy.STEPS ? -1 : 1) * expected);
            }
            XYSeries theory = chart.addSeries(m.integrator() + " theory: slope -" + fmt(expected), t, ref);
            theory.setMarker(SeriesMarkers.NONE).setLineColor(Color.GRAY).setLineStyle(SeriesLines.DASH_DASH);
        }
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write plot " + png + ": " + e.getMessage(), e);
        }
    }

    private static String fmt(double v) {
        return String.format(java.util.Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.3f", v);
    }
}
