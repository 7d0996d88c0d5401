package org.difflab.plugin.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Contour lines of a function sampled on a rectangular grid, by marching squares with linear interpolation
 * along cell edges. The result is one polyline list per level, segments separated by nulls, which XChart draws
 * as a line with gaps.
 */
final class Contours {
    /** x and y coordinates of the contour segments; a null pair separates two segments. */
    record Lines(List<Double> x, List<Double> y) {
    }

    private Contours() {}

    /** The level set {f = level}; f[i][j] is the value at (xs[i], ys[j]). */
    static Lines at(double[] xs, double[] ys, double[][] f, double level) {
        Lines out = new Lines(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i + 1 < xs.length; i++) {
            for (int j = 0; j + 1 < ys.length; j++) {
                // corners counter-clockwise from bottom left: a=(i,j), b=(i+1,j), c=(i+1,j+1), d=(i,j+1)
                double a = f[i][j] - level;
                double b = f[i + 1][j] - level;
                double c = f[i + 1][j + 1] - level;
                double d = f[i][j + 1] - level;
                double[] bottom = crossing(xs[i], ys[j], a, xs[i + 1], ys[j], b);
                double[] right = crossing(xs[i + 1], ys[j], b, xs[i + 1], ys[j + 1], c);
                double[] top = crossing(xs[i + 1], ys[j + 1], c, xs[i], ys[j + 1], d);
                double[] left = crossing(xs[i], ys[j + 1], d, xs[i], ys[j], a);
                if (bottom != null && right != null && top != null && left != null) {
                    // saddle: the centre value decides whether a and c are connected (then b and d are cut off)
                    boolean centreAbove = (a + b + c + d) / 4 >= 0;
                    if (centreAbove == (a >= 0)) {
                        segment(out, bottom, right);
                        segment(out, top, left);
                    } else {
                        segment(out, left, bottom);
                        segment(out, right, top);
                    }
                } else {
                    List<double[]> ends = new ArrayList<>(2);
                    for (double[] p : new double[][] {bottom, right, top, left}) {
                        if (p != null) {
                            ends.add(p);
                        }
                    }
                    if (ends.size() == 2) {
                        segment(out, ends.get(0), ends.get(1));
                    }
                }
            }
        }
        return out;
    }

    /** Where the edge from (x0, y0) with value v0 to (x1, y1) with value v1 crosses zero, or null. */
    private static double[] crossing(double x0, double y0, double v0, double x1, double y1, double v1) {
        if ((v0 >= 0) == (v1 >= 0)) {
            return null;
        }
        double s = v0 / (v0 - v1);
        return new double[] {x0 + s * (x1 - x0), y0 + s * (y1 - y0)};
    }

    private static void segment(Lines out, double[] p, double[] q) {
        out.x().add(p[0]);
        out.y().add(p[1]);
        out.x().add(q[0]);
        out.y().add(q[1]);
        out.x().add(null);
        out.y().add(null);
    }
}
