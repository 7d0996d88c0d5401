package org.difflab.theory.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Exact TV between isotropic Gaussians against independent computations: the 1-D closed form, a direct 2-D
 * quadrature of |p - q| / 2 over (x1, R) (which does not use the shape of the set {p > q}), Monte Carlo, Le Cam's
 * bracket, and the limits a -> b and |mu - m| -> 0.
 */
class IsotropicTotalVariationTest {

    private static DiagonalGaussian iso(int d, double mean, double var) {
        double[] m = new double[d];
        double[] v = new double[d];
        Arrays.fill(m, mean);
        Arrays.fill(v, var);
        return new DiagonalGaussian(m, v);
    }

    /** TV by the midpoint rule in (x1, rho), rho = R = |other d - 1 coordinates|, with the chi densities of rho. */
    private static double direct(int d, double dist, double a, double b) {
        int k = d - 1;
        double s = Math.sqrt(Math.max(a, b));
        double x0 = -12 * s;
        double x1 = dist + 12 * s;
        double rhoMax = Math.sqrt(Math.max(a, b) * (k + 12 * Math.sqrt(2.0 * k) + 40));
        int nx = 2500;
        int nr = 2500;
        double hx = (x1 - x0) / nx;
        double hr = rhoMax / nr;
        ChiSquaredDistribution chi = new ChiSquaredDistribution(k);
        double[] fa = new double[nr];
        double[] fb = new double[nr];
        for (int j = 0; j < nr; j++) {
            double rho = (j + 0.5) * hr;
            fa[j] = 2 * rho / a * chi.density(rho * rho / a);
            fb[j] = 2 * rho / b * chi.density(rho * rho / b);
        }
        double sum = 0;
        for (int i = 0; i < nx; i++) {
            double x = x0 + (i + 0.5) * hx;
            double pa = Math.exp(-x * x / (2 * a)) / Math.sqrt(2 * Math.PI * a);
            double qb = Math.exp(-(x - dist) * (x - dist) / (2 * b)) / Math.sqrt(2 * Math.PI * b);
            for (int j = 0; j < nr; j++) {
                sum += Math.abs(pa * fa[j] - qb * fb[j]);
            }
        }
        return 0.5 * sum * hx * hr;
    }

    @ParameterizedTest(name = "d={0}, |dm|={1}, a={2}, b={3}")
    @CsvSource({"2, 0.3, 1, 1.4", "2, 0.05, 0.05, 0.045", "3, 0.2, 0.5, 0.3", "16, 0.1, 0.05, 0.052", "16, 0, 1, 1.1", "64, 1.5, 1, 0.8",
        "256, 0.4, 0.05, 0.0502"})
    void matchesDirectQuadrature(int d, double dist, double a, double b) {
        double tv = IsotropicTotalVariation.between(d, dist, a, b);
        double reference = direct(d, dist, a, b);
        System.out.printf("d=%d dist=%s a=%s b=%s: TV = %.10f, direct quadrature %.10f%n", d, dist, a, b, tv, reference);
        assertThat(tv).isCloseTo(reference, within(2e-6 + 1e-5 * reference));
    }

    @Test
    void oneDimensionAndEqualVariancesAreTheClosedForms() {
        assertThat(IsotropicTotalVariation.between(1, 0.3, 0.5, 1.3)).isEqualTo(OneDimensionalTotalVariation.between(0, 0.5, 0.3, 1.3));
        // equal variances: only the mean direction matters, so any d gives the 1-D value at the mean distance
        assertThat(IsotropicTotalVariation.between(64, 0.3, 0.5, 0.5)).isEqualTo(OneDimensionalTotalVariation.between(0, 0.5, 0.3, 0.5));
        DiagonalGaussian p = iso(1, 0.2, 0.5);
        DiagonalGaussian q = iso(1, -0.1, 1.3);
        assertThat(Metrics.tv().between(p, q).value()).isEqualTo(OneDimensionalTotalVariation.between(0.2, 0.5, -0.1, 1.3));
    }

    @Test
    void limitsAreContinuous() {
        for (int d : new int[] {2, 5, 64}) {
            double sameVar = IsotropicTotalVariation.between(d, 0.1, 0.05, 0.05);
            assertThat(IsotropicTotalVariation.between(d, 0.1, 0.05, 0.05 * (1 + 1e-13))).as("d = %d, b -> a", d).isCloseTo(sameVar, within(1e-11));
            assertThat(IsotropicTotalVariation.between(d, 0.1, 0.05 * (1 + 1e-9), 0.05)).as("d = %d, a -> b", d).isCloseTo(sameVar, within(1e-8));
            double centred = IsotropicTotalVariation.between(d, 0, 0.05, 0.051);
            assertThat(IsotropicTotalVariation.between(d, 1e-9, 0.05, 0.051)).as("d = %d, dist -> 0", d).isCloseTo(centred, within(1e-9));
            assertThat(IsotropicTotalVariation.between(d, 0.1, 0.05, 0.051)).isEqualTo(IsotropicTotalVariation.between(d, 0.1, 0.051, 0.05));
        }
    }

    @Test
    void insideLeCamBracketAndAgreesWithMonteCarlo() {
        for (int d : new int[] {2, 4, 16, 256}) {
            DiagonalGaussian p = iso(d, 1.02, 0.05);
            DiagonalGaussian q = iso(d, 1.0, 0.053);
            double tv = Metrics.tv().between(p, q).value();
            double h2 = Hellinger.squared(p, q);
            assertThat(tv).as("d = %d", d).isBetween(h2, Math.sqrt(h2 * (2 - h2)));
            if (d <= 16) {
                double mc = monteCarlo(p, q, 400_000, d);
                assertThat(tv).as("d = %d, Monte Carlo %.6f", d, mc).isCloseTo(mc, within(5 * Math.sqrt(mc * (1 - mc) / 400_000)));
            }
        }
    }

    /** Mean of (1 - q/p)^+ over X ~ p, as the d > 1 estimate of TotalVariation. */
    private static double monteCarlo(DiagonalGaussian p, DiagonalGaussian q, int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double logRatio = 0;
            for (int j = 0; j < p.dim(); j++) {
                double z = Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
                double x = p.mean(j) + Math.sqrt(p.variance(j)) * z;
                double u = (x - q.mean(j)) / Math.sqrt(q.variance(j));
                logRatio += 0.5 * (z * z - u * u) - 0.5 * Math.log(q.variance(j) / p.variance(j));
            }
            sum += Math.max(0, -Math.expm1(logRatio));
        }
        return sum / n;
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> IsotropicTotalVariation.between(0, 0, 1, 1)).hasMessageContaining("d = 0");
        assertThatThrownBy(() -> IsotropicTotalVariation.between(2, -1, 1, 1)).hasMessageContaining("meanDistance = -1.0");
        assertThatThrownBy(() -> IsotropicTotalVariation.between(2, 0, 0, 1)).hasMessageContaining("a = 0.0");
        assertThatThrownBy(() -> IsotropicTotalVariation.between(2, 0, 1, Double.NaN)).hasMessageContaining("b = NaN");
    }

    /**
     * Laws far apart relative to their widths do not overlap: TV 1. On the hull of both windows the first quadrature
     * panel's nodes all missed both peaks and gave 0 (the 1-step exponential integrator's law in d = 256).
     */
    @Test
    void lawsFarApartHaveTvOne() {
        assertThat(IsotropicTotalVariation.between(256, 142.3 * 16, 0.011, 0.05)).isCloseTo(1, within(1e-12));
        assertThat(IsotropicTotalVariation.between(256, 142.3 * 16, 0.05, 0.011)).isCloseTo(1, within(1e-12));
        assertThat(IsotropicTotalVariation.between(4, 30, 0.5, 2)).isCloseTo(1, within(1e-9));
    }
}
