package org.difflab.plugin.plot;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.target.Target;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A scatter plot of the first two coordinates of samples over the contour lines of the target's clean
 * log density (2-D targets), so that a person can see at a glance whether the samples sit on the modes
 * (the command line writes it as PNG, a notebook shows it as PNG or SVG).
 * Contours are drawn where the log density is 0.5, 2 and 4.5 below its maximum: the 1, 2 and 3 standard
 * deviation ellipses of a Gaussian mode.
 */
public final class ScatterPlot {
    private static final int MAX_POINTS = 20_000;
    private static final int GRID = 241;
    private static final double[] DROPS = {0.5, 2, 4.5};
    private static final Color[] CONTOUR_COLORS = {new Color(200, 30, 30), new Color(230, 110, 40), new Color(240, 170, 60)};

    private ScatterPlot() {}

    /** Writes the plot as PNG; {@code target} may be null (no contours). */
    public static void write(Path file, Target target, double[][] rows, String title) {
        try (OutputStream out = Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(chart(target, rows, title), out, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --plot = " + file + ": " + e, e);
        }
    }

    /** The plot as an XChart chart; contours only when {@code target} is 2-D (null: none). */
    public static XYChart chart(Target target, double[][] rows, String title) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        if (rows.length == 0 || rows[0].length < 2) {
            throw new IllegalArgumentException("rows = " + rows.length + " samples of " + (rows.length == 0 ? 0 : rows[0].length)
                    + " coordinates is not allowed: a scatter plot needs at least 1 sample of at least 2 coordinates");
        }
        int shown = Math.min(rows.length, MAX_POINTS);
        double[] x = new double[shown];
        double[] y = new double[shown];
        for (int i = 0; i < shown; i++) {
            x[i] = rows[i][0];
            y[i] = rows[i][1];
        }
        double[] box = squareBox(x, y, target == null ? new double[] {x[0], y[0]} : target.mean());
        XYChart chart = new XYChartBuilder().width(800).height(800).title(title).xAxisTitle("x0").yAxisTitle("x1").build();
        Styler st = chart.getStyler();
        st.setLegendPosition(Styler.LegendPosition.InsideNE);
        st.setChartTitleFont(st.getChartTitleFont().deriveFont(13f));
        chart.getStyler().setXAxisMin(box[0]).setXAxisMax(box[1]).setYAxisMin(box[2]).setYAxisMax(box[3]);
        st.setMarkerSize(3);

        XYSeries points = chart.addSeries(shown < rows.length ? "samples (first " + shown + " of " + rows.length + ")"
                : "samples (" + shown + ")", x, y);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(new Color(30, 80, 200, 90));
        if (target != null && target.dim() == 2) {
            addContours(chart, target, box);
        }
        return chart;
    }

    private static void addContours(XYChart chart, Target target, double[] box) {
        double[] xs = linspace(box[0], box[1]);
        double[] ys = linspace(box[2], box[3]);
        double[] points = new double[2 * GRID * GRID];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                points[2 * (i * GRID + j)] = xs[i];
                points[2 * (i * GRID + j) + 1] = ys[j];
            }
        }
        double[] logp;
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray grid = m.create(points).reshape(GRID * GRID, 2);
            logp = target.logDensity(grid, new NoiseLevel(0, 1, 0)).toDoubleArray();
        }
        double[][] f = new double[GRID][GRID];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                f[i][j] = logp[i * GRID + j];
                max = Math.max(max, f[i][j]);
            }
        }
        for (int k = 0; k < DROPS.length; k++) {
            Contours.Lines lines = Contours.at(xs, ys, f, max - DROPS[k]);
            if (lines.x().isEmpty()) {
                continue;
            }
            XYSeries s = chart.addSeries("log p = max - " + DROPS[k], lines.x(), lines.y());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(CONTOUR_COLORS[k]);
            s.setLineStyle(new BasicStroke(1.5f));
        }
    }

    /** A square [xmin, xmax, ymin, ymax] around the points and the target mean, padded by 10 %. */
    private static double[] squareBox(double[] x, double[] y, double[] mean) {
        double[] sx = bounds(x, mean[0]);
        double[] sy = bounds(y, mean[1]);
        double half = 0.55 * Math.max(Math.max(sx[1] - sx[0], sy[1] - sy[0]), 1e-6);
        double cx = (sx[0] + sx[1]) / 2;
        double cy = (sy[0] + sy[1]) / 2;
        return new double[] {cx - half, cx + half, cy - half, cy + half};
    }

    private static double[] bounds(double[] v, double also) {
        double lo = Arrays.stream(v).filter(Double::isFinite).min().orElse(also);
        double hi = Arrays.stream(v).filter(Double::isFinite).max().orElse(also);
        return new double[] {Math.min(lo, also), Math.max(hi, also)};
    }

    private static double[] linspace(double lo, double hi) {
        double[] out = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            out[i] = lo + (hi - lo) * i / (GRID - 1);
        }
        return out;
    }
}
