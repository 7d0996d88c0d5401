package org.difflab.theory.montecarlo;

/**
 * The optimal transport cost between two 1-D empirical laws: integral over u in (0, 1) of
 * |F^-1(u) - G^-1(u)|^p, by matching sorted samples along the merged quantile breakpoints i/n and j/m
 * (the monotone coupling is optimal in 1-D for convex costs; Villani 2003, Theorem 2.18).
 */
final class QuantileCoupling {
    private QuantileCoupling() {}

    /** W_p^p between the empirical laws of sorted arrays a and b (p = 1 or 2). */
    static double cost(double[] a, double[] b, int p) {
        long n = a.length;
        long m = b.length;
        int i = 0;
        int j = 0;
        double u = 0;
        double sum = 0;
        while (i < n && j < m) {
            // next breakpoint min((i+1)/n, (j+1)/m), compared in integers to keep ties exact
            long left = (i + 1) * m;
            long right = (j + 1) * n;
            double next = left <= right ? (i + 1.0) / n : (j + 1.0) / m;
            double diff = Math.abs(a[i] - b[j]);
            sum += (p == 1 ? diff : diff * diff) * (next - u);
            u = next;
            if (left <= right) {
                i++;
            }
            if (right <= left) {
                j++;
            }
        }
        return sum;
    }
}
