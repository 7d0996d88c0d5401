package org.difflab.theory.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.difflab.theory.claims.Chart;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws a claim's {@link Chart} with XChart into an 800 x 560 PNG: measured lines in colour with markers (and 95%
 * error bars when given), fits as thin dotted black lines, theory as wide grey dashed lines drawn first so the
 * measurements stay on top.
 */
public final class ChartPlot {
    private static final Color[] COLORS = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
            new Color(148, 103, 189), new Color(255, 127, 14), new Color(140, 86, 75), new Color(227, 119, 194)};
    private static final BasicStroke THEORY = new BasicStroke(5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {12f, 8f}, 0f);
    private static final BasicStroke FIT = new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 3f}, 0f);

    private ChartPlot() {}

    /** Pixels of the chart without its legend, and of each legend line below it. */
    private static final int PLOT_HEIGHT = 540;
    private static final int LEGEND_LINE = 20;

    /** The subject of a line labelled "NAME: what" (an integrator), or the whole label. */
    private static String subject(String label) {
        int colon = label.indexOf(": ");
        return colon > 0 ? label.substring(0, colon) : label;
    }

    /** The colour, light: a theory line drawn wide under the measured one. */
    private static Color translucent(Color c) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), 110);
    }

    /** Writes the chart as PNG (the path should end in .png). */
    public static void write(Chart c, Path png) {
        byte[] bytes = png(c);
        try {
            Files.write(png, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write plot " + png + ": " + e.getMessage(), e);
        }
    }

    /** The chart as PNG bytes. */
    public static byte[] png(Chart c) {
        XYChart chart = draw(c);
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the plot '" + c.title() + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("could not draw the chart '" + c.title() + "' with lines "
                    + Arrays.toString(c.lines().stream().map(Chart.Line::label).toArray()) + ": " + e.getMessage(), e);
        }
    }

    /** The chart as an XChart chart, for callers that encode it themselves (PNG or SVG in a notebook). */
    public static XYChart draw(Chart c) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        // the legend below the plot, one line per entry, never over the data (inside, it covered a curve of converge
        // --plot) and never beside it (long labels such as a full integrator spec squeezed the plot to a third of the width)
        XYChart chart = new XYChartBuilder().width(1000).height(PLOT_HEIGHT + LEGEND_LINE * c.lines().size()).title(c.title())
                .xAxisTitle(c.xLabel()).yAxisTitle(c.yLabel()).build();
        XYStyler st = chart.getStyler();
        st.setXAxisLogarithmic(c.logX()).setYAxisLogarithmic(c.logY());
        st.setLegendPosition(Styler.LegendPosition.OutsideS);
        st.setLegendLayout(Styler.LegendLayout.Vertical);
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotGridLinesColor(new Color(225, 225, 225));
        st.setMarkerSize(8);
        if (c.logY()) {
            st.setYAxisDecimalPattern("0.#E0");
        }
        int colour = 0;
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        double left = Double.POSITIVE_INFINITY;
        double right = 0;
        boolean errorBars = c.lines().stream().anyMatch(l -> l.error() != null);
        Map<String, Integer> groups = new LinkedHashMap<>();
        if (c.lines().stream().filter(l -> l.style() == Chart.Style.MEASURED).map(l -> subject(l.label())).distinct().count() > 1) {
            c.lines().stream().filter(l -> l.style() == Chart.Style.MEASURED).forEach(l -> groups.putIfAbsent(subject(l.label()), groups.size()));
        }
        st.setErrorBarsColorSeriesColor(true);
        for (Chart.Style style : new Chart.Style[] {Chart.Style.THEORY, Chart.Style.FIT, Chart.Style.MEASURED}) {
            for (Chart.Line l : c.lines()) {
                if (l.style() != style) {
                    continue;
                }
                double[] err = l.error() != null ? l.error() : errorBars ? new double[l.x().length] : null;
                XYSeries s = err == null ? chart.addSeries(l.label(), l.x(), l.y()) : chart.addSeries(l.label(), l.x(), l.y(), err);
                // lines labelled "NAME: ..." belong to one subject (an integrator): its theory, fit and measured lines share its colour
                Integer group = groups.get(subject(l.label()));
                Color own = group == null ? null : COLORS[group % COLORS.length];
                switch (style) {
                    case THEORY -> s.setMarker(SeriesMarkers.NONE).setLineColor(own != null ? translucent(own) : new Color(150, 150, 150))
                            .setLineStyle(THEORY);
                    case FIT -> s.setMarker(SeriesMarkers.NONE).setLineColor(own != null ? own : Color.BLACK).setLineStyle(FIT);
                    case MEASURED -> {
                        Color col = own != null ? own : COLORS[colour++ % COLORS.length];
                        s.setMarker(SeriesMarkers.CIRCLE).setMarkerColor(col).setLineColor(col).setLineStyle(new BasicStroke(1.5f));
                    }
                }
                for (double y : l.y()) {
                    if (y > 0 && Double.isFinite(y)) {
                        lowest = Math.min(lowest, y);
                        highest = Math.max(highest, y);
                    }
                }
                for (double x : l.x()) {
                    if (x > 0 && Double.isFinite(x)) {
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                    }
                }
            }
        }
        // XChart labels a log axis only at powers of ten: widen each log range to whole decades so at least two are labelled
        if (c.logY() && highest > 0) {
            st.setYAxisMin(Math.pow(10, Math.floor(Math.log10(lowest)))).setYAxisMax(Math.pow(10, Math.ceil(Math.log10(highest))));
        }
        if (c.logX() && right > 0) {
            double from = Math.pow(10, Math.floor(Math.log10(left)));
            double to = Math.pow(10, Math.ceil(Math.log10(right)));
            st.setXAxisMin(from).setXAxisMax(to > from ? to : 10 * from);
        }
        return chart;
    }
}
