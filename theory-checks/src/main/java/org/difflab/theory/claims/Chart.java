package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;

/**
 * The plot of a claim, as data: lines of measured points (optionally with 95% error bars), fitted lines and theory
 * references. The report draws it; keeping it as data lets every claim kind describe its plot in a few lines.
 *
 * @param title  plot title
 * @param xLabel x axis title
 * @param yLabel y axis title
 * @param logX   logarithmic x axis
 * @param logY   logarithmic y axis
 * @param lines  what to draw, in drawing order (later lines on top)
 */
public record Chart(String title, String xLabel, String yLabel, boolean logX, boolean logY, List<Line> lines) {

    /** How a line is drawn. */
    public enum Style {
        /** Measured values: markers joined by a coloured line. */
        MEASURED,
        /** A least-squares fit: thin dotted black line. */
        FIT,
        /** What the theory says: wide grey dashed line. */
        THEORY
    }

    /**
     * One line.
     *
     * @param label legend entry
     * @param x     abscissae
     * @param y     ordinates
     * @param error half-widths of 95% error bars, or null
     * @param style how to draw it
     */
    public record Line(String label, double[] x, double[] y, double[] error, Style style) {
        public Line {
            if (x.length != y.length || (error != null && error.length != x.length) || x.length == 0) {
                throw new IllegalArgumentException("line '" + label + "' has " + x.length + " x, " + y.length + " y and "
                        + (error == null ? "no" : error.length) + " error values, which is not allowed: equal and at least 1");
            }
            x = x.clone();
            y = y.clone();
            error = error == null ? null : error.clone();
        }
    }

    public Chart {
        lines = List.copyOf(lines);
    }

    /** Builds a chart line by line. */
    public static Builder of(String title, String xLabel, String yLabel, boolean logX, boolean logY) {
        return new Builder(title, xLabel, yLabel, logX, logY);
    }

    /** Collects lines. */
    public static final class Builder {
        private final String title;
        private final String xLabel;
        private final String yLabel;
        private final boolean logX;
        private final boolean logY;
        private final List<Line> lines = new ArrayList<>();

        private Builder(String title, String xLabel, String yLabel, boolean logX, boolean logY) {
            this.title = title;
            this.xLabel = xLabel;
            this.yLabel = yLabel;
            this.logX = logX;
            this.logY = logY;
        }

        public Builder line(String label, double[] x, double[] y, double[] error, Style style) {
            lines.add(new Line(label, x, y, error, style));
            return this;
        }

        public Builder measured(String label, double[] x, double[] y) {
            return line(label, x, y, null, Style.MEASURED);
        }

        public Builder theory(String label, double[] x, double[] y) {
            return line(label, x, y, null, Style.THEORY);
        }

        public Builder fit(String label, double[] x, double[] y) {
            return line(label, x, y, null, Style.FIT);
        }

        public Chart build() {
            return new Chart(title, xLabel, yLabel, logX, logY, lines);
        }
    }
}
