package org.difflab.theory.montecarlo;

/** Argument checks for sample sets given as rows: non-empty, rectangular, finite, of matching dimension. */
public final class SampleRows {
    private SampleRows() {}

    /** Checks one sample set and returns its dimension. */
    public static int check(String name, double[][] rows) {
        if (rows == null || rows.length == 0) {
            throw new IllegalArgumentException(name + " has " + (rows == null ? "no array" : "0 rows")
                    + ", which is not allowed: give at least 1 sample (one per row)");
        }
        int d = rows[0] == null ? 0 : rows[0].length;
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != d || d == 0) {
                throw new IllegalArgumentException(name + "[" + i + "] has length " + (rows[i] == null ? "null" : rows[i].length)
                        + ", which is not allowed: every row must have the same length >= 1 (" + name + "[0] has " + d + ")");
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(rows[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] = " + rows[i][j] + " is not allowed: must be finite");
                }
            }
        }
        return d;
    }

    /** Checks two sample sets of the same dimension and returns it. */
    public static int checkPair(double[][] x, double[][] y) {
        int d = check("x", x);
        int e = check("y", y);
        if (d != e) {
            throw new IllegalArgumentException("y has dimension " + e + ", which is not allowed: must be " + d + " to match x");
        }
        return d;
    }

    /** Checks a minimum number of rows. */
    static void atLeast(String name, double[][] rows, int n) {
        if (rows.length < n) {
            throw new IllegalArgumentException(name + " has " + rows.length + " rows, which is not allowed: this estimator needs at least " + n);
        }
    }

    /** The single coordinate of 1-D samples, checked. */
    static double[] column(String name, double[][] rows) {
        int d = check(name, rows);
        if (d != 1) {
            throw new IllegalArgumentException(name + " has dimension " + d + ", which is not allowed: this metric is 1-D (project first)");
        }
        double[] v = new double[rows.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = rows[i][0];
        }
        return v;
    }
}
