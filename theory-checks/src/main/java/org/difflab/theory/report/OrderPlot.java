package org.difflab.theory.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The log-log error-versus-steps plot of a claim: per integrator the measured errors (markers and lines), the
 * fitted power law (thin dotted black line) and a wide grey dashed reference line with the theory's slope anchored at the last
 * measured point, so a reader sees at once whether the measured errors run parallel to the theory.
 */
public final class OrderPlot {
    private static final Color[] COLORS = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
            new Color(148, 103, 189), new Color(255, 127, 14)};

    private OrderPlot() {}

    /** Draws the plot of a claim result into a PNG file (the path should end in .png). */
    public static void write(ClaimResult result, Path png) {
        List<Curve> curves = new ArrayList<>();
        for (Measurement m : result.measurements()) {
            curves.add(new Curve(m.integrator(), m.points(), m.order(), result.claim().expectedOrder()));
        }
        draw(result.claim().id() + ": " + result.verdict() + " (expected order " + fmt(result.claim().expectedOrder()) + ")",
                result.claim().experiment().metric(), result.claim().experiment().proxy(), curves, png);
    }

    /** Draws the plot of a convergence study, each integrator against its own expected order. */
    public static void write(ConvergenceResult result, String title, Path png) {
        List<Curve> curves = new ArrayList<>();
        result.series().values().stream().sorted(Comparator.comparing(ConvergenceResult.Series::integrator))
                .forEach(s -> curves.add(new Curve(s.integrator(), s.points(), s.fit().order(), s.expectedOrder())));
        draw(title, result.metric(), result.proxy(), curves, png);
    }

    /** One integrator's errors with its fitted and expected orders. */
    private record Curve(String label, List<ConvergenceResult.Point> points, double order, double expected) {}

    private static void draw(String title, String metric, StepProxy proxy, List<Curve> curves, Path png) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        XYChart chart = new XYChartBuilder().width(800).height(560).title(title).xAxisTitle("steps T")
                .yAxisTitle(metric + " error").build();
        XYStyler st = chart.getStyler();
        st.setXAxisLogarithmic(true).setYAxisLogarithmic(true);
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setMarkerSize(8);
        st.setYAxisDecimalPattern("0.#E0");
        double sign = proxy == StepProxy.STEPS ? -1 : 1;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (int k = 0; k < curves.size(); k++) {
            Curve c = curves.get(k);
            Color color = COLORS[k % COLORS.length];
            int n = c.points().size();
            double[] t = new double[n];
            double[] e = new double[n];
            double[] logProxy = new double[n];
            for (int i = 0; i < n; i++) {
                ConvergenceResult.Point p = c.points().get(i);
                t[i] = p.steps();
                e[i] = p.error().value();
                lowest = Math.min(lowest, e[i]);
                highest = Math.max(highest, e[i]);
                logProxy[i] = Math.log(proxy.at(p.steps()));
            }
            // least-squares intercept for the fitted slope: mean of log e - sign * order * log proxy
            double intercept = 0;
            for (int i = 0; i < n; i++) {
                intercept += (Math.log(e[i]) - sign * c.order() * logProxy[i]) / n;
            }
            double[] fit = new double[n];
            double[] theory = new double[n];
            for (int i = 0; i < n; i++) {
                fit[i] = Math.exp(intercept + sign * c.order() * logProxy[i]);
                theory[i] = e[n - 1] * Math.exp(sign * c.expected() * (logProxy[i] - logProxy[n - 1]));
            }
            // drawn in this order so the measured markers stay on top of the wide dashed theory line and the fit
            XYSeries ref = chart.addSeries(c.label() + ": theory slope " + fmt(c.expected()) + " through last point", t, theory);
            ref.setMarker(SeriesMarkers.NONE).setLineColor(new Color(150, 150, 150))
                    .setLineStyle(new BasicStroke(5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {12f, 8f}, 0f));
            XYSeries fitted = chart.addSeries(c.label() + ": least-squares fit, order " + String.format(Locale.ROOT, "%.3f", c.order()),
                    t, fit);
            fitted.setMarker(SeriesMarkers.NONE).setLineColor(Color.BLACK)
                    .setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f));
            XYSeries data = chart.addSeries(c.label() + ": measured", t, e);
            data.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(color).setLineColor(color).setLineStyle(new BasicStroke(1.5f));
        }
        // XChart labels a log axis only at powers of ten: widen the y range to whole decades so at least two are labelled
        if (highest > 0 && lowest > 0) {
            st.setYAxisMin(Math.pow(10, Math.floor(Math.log10(lowest)))).setYAxisMax(Math.pow(10, Math.ceil(Math.log10(highest))));
        }
        try {
            BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write plot " + png + ": " + e.getMessage(), e);
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v == Math.rint(v) ? "%.0f" : "%.3f", v);
    }
}
