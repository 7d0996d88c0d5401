package org.difflab.theory.features;

import java.util.Locale;
import org.difflab.theory.montecarlo.Interruption;

/**
 * The kernel distance of KID (Binkowski, Sutherland, Arbel, Gretton 2018, "Demystifying MMD GANs", section 4 and
 * eq. 4): the unbiased estimate of MMD^2 with the cubic polynomial kernel k(x, y) = (x.y / d + 1)^3,
 * 1/(m(m-1)) sum_{i != j} k(x_i, x_j) + 1/(n(n-1)) sum_{i != j} k(y_i, y_j) - 2/(mn) sum_{i, j} k(x_i, y_j).
 * Unlike FD it is unbiased, so its small-sample values do not drift with n and may be slightly negative. Preparing
 * stores the three kernel matrices (m^2 + n^2 + mn doubles), so each set may have at most {@value #MAXIMUM_ROWS}
 * rows (at most 400 MB), and the matrices must fit in the heap the JVM has left (refused up front otherwise); a
 * resample then costs O((m + n)^2) without recomputing the kernel. In a resample, pairs that draw
 * the same row twice are left out of the within-set sums (and out of their pair counts): the unbiased estimate never
 * uses k(x, x), and keeping those pairs would bias every resample upwards by about 2 (mean k(x, x) - mean k) / n.
 */
public final class KernelDistance implements FeatureDistance {
    /** Most rows per set (three kernel matrices of at most 3 x 4096^2 doubles, 400 MB, in all). */
    public static final int MAXIMUM_ROWS = 4096;

    @Override
    public String name() {
        return "kd";
    }

    @Override
    public int minimumRows(int dimension) {
        return 2;
    }

    @Override
    public Prepared prepare(double[][] x, double[][] y) {
        int d = FeatureSets.checkPair(x, y, this);
        atMost("x", x.length);
        atMost("y", y.length);
        Runtime jvm = Runtime.getRuntime();
        fitsInHeap(x.length, y.length, jvm.maxMemory() - (jvm.totalMemory() - jvm.freeMemory()));
        double[][] kxx = kernel(x, x, d);
        double[][] kyy = kernel(y, y, d);
        double[][] kxy = kernel(x, y, d);
        return (xCounts, yCounts) -> within(kxx, xCounts) + within(kyy, yCounts) - 2 * across(kxy, xCounts, yCounts);
    }

    private static void atMost(String name, int rows) {
        if (rows > MAXIMUM_ROWS) {
            throw new IllegalArgumentException(name + " has " + rows + " rows, which is not allowed: the kernel distance takes at most "
                    + MAXIMUM_ROWS + " rows per set (it stores its kernel matrices); draw a subsample (FeatureComparison.floor does)");
        }
    }

    /** Fails unless the kernel matrices of m and n rows (8 (m^2 + n^2 + mn) bytes) fit in {@code available} bytes. */
    static void fitsInHeap(int m, int n, long available) {
        long bytes = 8L * ((long) m * m + (long) n * n + (long) m * n);
        if (bytes > available) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "x and y (%d and %d rows) are not allowed here: the kernel distance's "
                    + "matrices need %.0f MB and this JVM has %.0f MB of heap left; give Java a larger heap (-Xmx, DIFFLAB_JAVA_OPTS) or "
                    + "compare fewer rows", m, n, bytes / 1e6, available / 1e6));
        }
    }

    /** k(a_i, b_j) for all rows. */
    private static double[][] kernel(double[][] a, double[][] b, int d) {
        double[][] k = new double[a.length][b.length];
        for (int i = 0; i < a.length; i++) {
            int row = i;
            Interruption.stopIfInterrupted(() -> "the kernel distance was interrupted in its kernel matrix (row " + (row + 1) + " of "
                    + a.length + "); it was not computed");
            for (int j = 0; j < b.length; j++) {
                double dot = 0;
                for (int f = 0; f < d; f++) {
                    dot += a[i][f] * b[j][f];
                }
                double base = dot / d + 1;
                k[i][j] = base * base * base;
            }
        }
        return k;
    }

    /** The mean of k over pairs of draws of different rows: sum_{a != b} c_a c_b k_ab / sum_{a != b} c_a c_b. */
    private static double within(double[][] k, int[] c) {
        double sum = 0;
        long draws = 0;
        long tied = 0;
        for (int a = 0; a < c.length; a++) {
            if (c[a] == 0) {
                continue;
            }
            draws += c[a];
            tied += (long) c[a] * c[a];
            double row = 0;
            for (int b = 0; b < c.length; b++) {
                row += c[b] * k[a][b];
            }
            sum += c[a] * (row - c[a] * k[a][a]);
        }
        return sum / (draws * draws - tied);
    }

    /** The mean of k over all pairs of an x draw and a y draw. */
    private static double across(double[][] k, int[] cx, int[] cy) {
        double sum = 0;
        long nx = 0;
        long ny = 0;
        for (int b : cy) {
            ny += b;
        }
        for (int a = 0; a < cx.length; a++) {
            if (cx[a] == 0) {
                continue;
            }
            nx += cx[a];
            double row = 0;
            for (int b = 0; b < cy.length; b++) {
                row += cy[b] * k[a][b];
            }
            sum += cx[a] * row;
        }
        return sum / ((double) nx * ny);
    }
}
