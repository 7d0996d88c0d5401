package org.difflab.theory.exact;

/**
 * Replaces the probe rows of past draws by as few rows as the run's state needs, keeping the exact law.
 *
 * <p>In an exact evaluation every probe row r differs from row 0 by a deviation that the rest of the run maps
 * linearly, with the same map for every row, and coordinate by coordinate ({@link ProbeNoise}). Take the state the
 * run keeps at a step end, H arrays (the new state and the carried ones), and for coordinate j the matrix D_j whose
 * row r is (array_1[r][j] - array_1[0][j], ..., array_H[r][j] - array_H[0][j]). The output deviation of row r is
 * D_j[r] L_j + (what later draws add), with one vector L_j for all rows, so the output variance only depends on the
 * past through the H x H Gram matrix D_j^T D_j. A Householder QR factorisation D_j = Q_j R_j (Golub and Van Loan,
 * Matrix Computations, 4th ed., section 5.2) gives R_j, with R_j^T R_j = D_j^T D_j: its H rows replace the deviations
 * of all rows, the others become copies of row 0. Multiplying by the orthogonal Q_j^T is the same as mixing the past
 * unit-variance draws into H new independent ones, so the law of the run's output is unchanged, and rows are freed
 * for later draws: the batch holds 1 + H + (draws of one step) rows instead of 1 + (all draws of the run).
 */
final class PastCollapse {
    private PastCollapse() {}

    /**
     * Collapses, in place, the deviations from row 0 of {@code arrays} (H arrays, each {@code rows x event} values,
     * row-major) into rows 1..H; rows H+1.. become equal to row 0. Needs rows > H.
     */
    static void apply(double[][] arrays, int rows, int event) {
        int h = arrays.length;
        int m = rows - 1;
        if (m < h) {
            throw new IllegalArgumentException("rows = " + rows + " is not allowed for " + h + " state arrays: must be > " + h);
        }
        double[] a = new double[m * h];
        for (int j = 0; j < event; j++) {
            for (int r = 0; r < m; r++) {
                for (int k = 0; k < h; k++) {
                    a[r * h + k] = arrays[k][(r + 1) * event + j] - arrays[k][j];
                }
            }
            triangularise(a, m, h);
            for (int r = 0; r < m; r++) {
                for (int k = 0; k < h; k++) {
                    double deviation = r <= k ? a[r * h + k] : 0;
                    arrays[k][(r + 1) * event + j] = arrays[k][j] + deviation;
                }
            }
        }
    }

    /** Householder QR of the m x h matrix a (row-major): leaves R in the upper triangle; entries below are garbage. */
    private static void triangularise(double[] a, int m, int h) {
        for (int c = 0; c < h; c++) {
            double scale = 0;
            for (int r = c; r < m; r++) {
                scale = Math.max(scale, Math.abs(a[r * h + c]));
            }
            if (scale == 0) {
                continue;
            }
            double norm2 = 0;
            for (int r = c; r < m; r++) {
                double x = a[r * h + c] / scale;
                norm2 += x * x;
            }
            double alpha = -Math.copySign(scale * Math.sqrt(norm2), a[c * h + c]);
            // v = column c below the diagonal with v_c = a_cc - alpha; H = I - 2 v v^T / (v^T v), v^T v = 2 alpha (alpha - a_cc)
            double vc = a[c * h + c] - alpha;
            double vtv = 2 * alpha * (alpha - a[c * h + c]);
            for (int k = c + 1; k < h; k++) {
                double s = vc * a[c * h + k];
                for (int r = c + 1; r < m; r++) {
                    s += a[r * h + c] * a[r * h + k];
                }
                double f = 2 * s / vtv;
                a[c * h + k] -= f * vc;
                for (int r = c + 1; r < m; r++) {
                    a[r * h + k] -= f * a[r * h + c];
                }
            }
            a[c * h + c] = alpha;
        }
    }
}
