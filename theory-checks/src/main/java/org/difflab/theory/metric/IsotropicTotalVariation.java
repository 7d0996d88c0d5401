package org.difflab.theory.metric;

import java.util.PriorityQueue;
import org.apache.commons.math3.special.Gamma;

/**
 * Exact total variation between isotropic Gaussians N(mu, a I_d) and N(m, b I_d) in any dimension d: the law of a
 * coordinate-separable sampler on an isotropic Gaussian target is of this form, so TV in d dimensions follows from
 * one 1-D evaluation.
 *
 * <p>Reduction. Rotate so that the mean difference lies on the first axis: x1 ~ N(0, a) under p and N(D, b) under q,
 * D = |mu - m|, and the radial part R^2 of the other d - 1 coordinates is a chi^2_{d-1} under p and b chi^2_{d-1}
 * under q, independent of x1. TV is symmetric, so let a < b. Then the set {p > q} is a ball: p > q exactly when
 * R^2 < g(x1) = (x1 - l)(r - x1), where l < 0 <= r are the roots of (b - a) x^2 + 2 a D x - c, c = a D^2 + a b d ln(b/a)
 * (taken in the cancellation-free form, Numerical Recipes section 5.6, so that g stays accurate as b - a -> 0). Hence
 * <pre>
 *   TV = P(A) - Q(A) = integral over (l, r) of [phi_a(x1) F(g(x1)/a) - phi_b(x1 - D) F(g(x1)/b)] dx1,
 * </pre>
 * F the chi^2_{d-1} CDF (a regularised incomplete gamma function, Commons Math), computed by globally adaptive
 * Gauss-Kronrod (7, 15) quadrature to about 1e-11 relative (1e-15 absolute) over the part of (l, r) within 14
 * standard deviations of either mean (each mean's window on its own when they are apart). Closed forms: d = 1 and
 * a = b (a half-space) are {@link OneDimensionalTotalVariation#between}; D = 0 (a centred ball) is F_d(rho/a) - F_d(rho/b),
 * rho = a b d ln(b/a) / (b - a).
 */
public final class IsotropicTotalVariation {
    private static final double WINDOW = 14;
    private static final double ABSOLUTE = 1e-15;
    private static final double RELATIVE = 1e-11;
    private static final int MAX_PANELS = 2000;
    private static final double[] KRONROD_NODES = {0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788, 0.586087235467691130294144845693013,
        0.405845151377397166906606412076961, 0.207784955007898467600689403773245, 0};
    private static final double[] KRONROD_WEIGHTS = {0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238, 0.169004726639267902826583426598550,
        0.190350578064785409913256402421014, 0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    private static final double[] GAUSS_WEIGHTS = {0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    private IsotropicTotalVariation() {}

    /**
     * TV between N(mu, a I_d) and N(m, b I_d) with |mu - m| = {@code meanDistance}.
     *
     * @param d            dimension, >= 1
     * @param meanDistance Euclidean distance between the means, finite and >= 0
     * @param a            variance of every coordinate of the first law, finite and > 0
     * @param b            variance of every coordinate of the second law, finite and > 0
     */
    public static double between(int d, double meanDistance, double a, double b) {
        if (d < 1) {
            throw new IllegalArgumentException("d = " + d + " is not allowed: must be >= 1");
        }
        if (!(meanDistance >= 0) || !Double.isFinite(meanDistance)) {
            throw new IllegalArgumentException("meanDistance = " + meanDistance + " is not allowed: must be finite and >= 0");
        }
        positive("a", a);
        positive("b", b);
        if (d == 1 || a == b) {
            return OneDimensionalTotalVariation.between(0, a, meanDistance, b);
        }
        double lo = Math.min(a, b);
        double hi = Math.max(a, b);
        double gap = hi - lo;
        double logRatio = Math.log(hi / lo);
        if (meanDistance == 0) {
            double rho = lo * hi * d * logRatio / gap;
            return Math.max(0, chiSquareCdf(d, rho / lo) - chiSquareCdf(d, rho / hi));
        }
        double dist = meanDistance;
        double c = lo * dist * dist + lo * hi * d * logRatio;
        double root = lo * dist + Math.sqrt(lo * lo * dist * dist + gap * c);
        double left = -root / gap;
        double right = c / root;
        Integrand f = new Integrand(d - 1, lo, hi, dist, left, right);
        double pEnd = WINDOW * Math.sqrt(lo);
        double qStart = dist - WINDOW * Math.sqrt(hi);
        double qEnd = dist + WINDOW * Math.sqrt(hi);
        double tv = qStart <= pEnd ? window(f, Math.min(-pEnd, qStart), Math.max(pEnd, qEnd))
                : window(f, -pEnd, pEnd) + window(f, qStart, qEnd);
        return Math.max(0, Math.min(1, tv));
    }

    /**
     * The integral over the part of [from, to] inside (left, right). Each law's window is integrated on its own when
     * they are apart: on their hull the first panel's nodes can all miss both peaks (the densities are ~0 at every
     * node, so the error estimate is 0 too) and the quadrature would return 0 for laws that do not overlap at all.
     */
    private static double window(Integrand f, double from, double to) {
        double a = Math.max(f.left(), from);
        double b = Math.min(f.right(), to);
        return a < b ? integrate(f, a, b) : 0;
    }

    /** The integrand of P(A) - Q(A) over x1, with the smaller variance a = lo first. */
    private record Integrand(int k, double lo, double hi, double dist, double left, double right) {
        double at(double x) {
            double g = (x - left) * (right - x);
            if (!(g > 0)) {
                return 0;
            }
            double y = x - dist;
            double p = Math.exp(-x * x / (2 * lo)) / Math.sqrt(2 * Math.PI * lo) * chiSquareCdf(k, g / lo);
            double q = Math.exp(-y * y / (2 * hi)) / Math.sqrt(2 * Math.PI * hi) * chiSquareCdf(k, g / hi);
            return p - q;
        }
    }

    /** P(chi^2_k <= x). */
    private static double chiSquareCdf(int k, double x) {
        return x <= 0 ? 0 : Gamma.regularizedGammaP(0.5 * k, 0.5 * x);
    }

    /**
     * Globally adaptive Gauss-Kronrod (7, 15) quadrature on [from, to] (the QAG strategy of QUADPACK, Piessens et al.
     * 1983): keeps splitting the panel with the largest error estimate |K15 - G7| until the summed estimate is at
     * most max(ABSOLUTE, RELATIVE |integral|) or MAX_PANELS panels are in use.
     */
    private static double integrate(Integrand f, double from, double to) {
        PriorityQueue<Panel> panels = new PriorityQueue<>((x, y) -> Double.compare(y.error(), x.error()));
        Panel first = Panel.of(f, from, to);
        panels.add(first);
        double value = first.value();
        double error = first.error();
        while (error > Math.max(ABSOLUTE, RELATIVE * Math.abs(value)) && panels.size() < MAX_PANELS) {
            Panel worst = panels.poll();
            double mid = 0.5 * (worst.from() + worst.to());
            Panel left = Panel.of(f, worst.from(), mid);
            Panel right = Panel.of(f, mid, worst.to());
            panels.add(left);
            panels.add(right);
            value += left.value() + right.value() - worst.value();
            error += left.error() + right.error() - worst.error();
        }
        double sum = 0;
        for (Panel p : panels) {
            sum += p.value();
        }
        return sum;
    }

    /** One panel's Kronrod estimate and its error estimate. */
    private record Panel(double from, double to, double value, double error) {
        static Panel of(Integrand f, double from, double to) {
            double half = 0.5 * (to - from);
            double centre = 0.5 * (to + from);
            double fc = f.at(centre);
            double kronrod = KRONROD_WEIGHTS[7] * fc;
            double gauss = GAUSS_WEIGHTS[3] * fc;
            for (int i = 0; i < 7; i++) {
                double dx = half * KRONROD_NODES[i];
                double sum = f.at(centre - dx) + f.at(centre + dx);
                kronrod += KRONROD_WEIGHTS[i] * sum;
                if (i % 2 == 1) {
                    gauss += GAUSS_WEIGHTS[i / 2] * sum;
                }
            }
            return new Panel(from, to, kronrod * half, Math.abs(kronrod - gauss) * half);
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " = " + v + " is not allowed: must be finite and > 0");
        }
    }
}
