package org.difflab.theory.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.analysis.integration.SimpsonIntegrator;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/** Every metric against an independent closed form or a numerical integral. */
class MetricsTest {
    private static DiagonalGaussian n1(double m, double v) {
        return new DiagonalGaussian(new double[] {m}, new double[] {v});
    }

    private static double pdf(double x, double m, double v) {
        return Math.exp(-(x - m) * (x - m) / (2 * v)) / Math.sqrt(2 * Math.PI * v);
    }

    @Test
    void tvEqualVariances() {
        double dm = 0.3;
        double s = 0.7;
        double expected = 2 * new NormalDistribution().cumulativeProbability(dm / (2 * s)) - 1;
        assertThat(Metrics.tv().between(n1(0, s * s), n1(dm, s * s)).value()).isCloseTo(expected, within(1e-14));
    }

    @Test
    void tvUnequalVariancesMatchesIntegral() {
        int n = 2_000_000;
        double h = 30.0 / n;
        double num = 0;
        for (int i = 0; i < n; i++) {
            double x = -15 + (i + 0.5) * h;
            num += 0.5 * Math.abs(pdf(x, 0.2, 0.5) - pdf(x, -0.1, 1.3)) * h;
        }
        assertThat(Metrics.tv().between(n1(0.2, 0.5), n1(-0.1, 1.3)).value()).isCloseTo(num, within(1e-7));
    }

    @Test
    void klClosedForm() {
        double m1 = 0.4;
        double v1 = 0.3;
        double m2 = -0.2;
        double v2 = 1.7;
        double expected = Math.log(Math.sqrt(v2) / Math.sqrt(v1)) + (v1 + (m1 - m2) * (m1 - m2)) / (2 * v2) - 0.5;
        assertThat(Metrics.kl().between(n1(m1, v1), n1(m2, v2)).value()).isCloseTo(expected, within(1e-14));
        double reverse = Math.log(Math.sqrt(v1) / Math.sqrt(v2)) + (v2 + (m1 - m2) * (m1 - m2)) / (2 * v1) - 0.5;
        assertThat(Metrics.klReverse().between(n1(m1, v1), n1(m2, v2)).value()).isCloseTo(reverse, within(1e-14));
        DiagonalGaussian p = new DiagonalGaussian(new double[] {m1, 0}, new double[] {v1, 1});
        DiagonalGaussian q = new DiagonalGaussian(new double[] {m2, 0}, new double[] {v2, 1});
        assertThat(Metrics.sqrtKl().between(p, q).value()).isCloseTo(Math.sqrt(expected), within(1e-14));
    }

    @Test
    void w2Formula() {
        DiagonalGaussian p = new DiagonalGaussian(new double[] {1, 2}, new double[] {4, 9});
        DiagonalGaussian q = new DiagonalGaussian(new double[] {0, 2}, new double[] {1, 1});
        assertThat(Metrics.w2().between(p, q).value()).isCloseTo(Math.sqrt(1 + 1 + 4), within(1e-14));
    }

    @Test
    void hellingerMatchesIntegral() {
        double bc = new SimpsonIntegrator(1e-12, 1e-12, 3, 30)
                .integrate(1_000_000, x -> Math.sqrt(pdf(x, 0.5, 0.4) * pdf(x, -0.3, 2.0)), -20, 20);
        assertThat(Metrics.hellingerSquared().between(n1(0.5, 0.4), n1(-0.3, 2.0)).value()).isCloseTo(1 - bc, within(1e-9));
        assertThat(Metrics.hellinger().between(n1(0.5, 0.4), n1(-0.3, 2.0)).value()).isCloseTo(Math.sqrt(1 - bc), within(1e-8));
    }

    @Test
    void tvInSeveralDimensionsIsBracketedAndEstimated() {
        // not isotropic (isotropic laws get the exact value of IsotropicTotalVariation)
        DiagonalGaussian p = new DiagonalGaussian(new double[] {0.3, 0}, new double[] {1, 1.5});
        DiagonalGaussian q = new DiagonalGaussian(new double[] {0, 0}, new double[] {1, 1.5});
        MetricValue v = Metrics.tv().between(p, q);
        assertThat(v.isExact()).isFalse();
        double exact = 2 * new NormalDistribution().cumulativeProbability(0.15) - 1; // only coordinate 0 differs
        assertThat(v.lower()).isLessThanOrEqualTo(exact);
        assertThat(v.upper()).isGreaterThanOrEqualTo(exact);
        assertThat(v.value()).isCloseTo(exact, within(5 * v.standardError()));
    }

    @Test
    void mixtureKlIsBracketed() {
        DiagonalGaussian q = n1(0, 1);
        List<DiagonalGaussian> parts = List.of(n1(-0.2, 0.9), n1(0.3, 1.1));
        DiagonalGaussian mm = n1(0.05, 1.0 + 0.0625);
        MetricValue v = Metrics.kl().ofMixture(parts, mm, q);
        assertThat(v.lower()).isCloseTo(KlDivergence.divergence(mm, q), within(1e-15));
        assertThat(v.upper()).isCloseTo(0.5 * (KlDivergence.divergence(parts.get(0), q) + KlDivergence.divergence(parts.get(1), q)), within(1e-15));
        assertThat(v.lower()).isLessThan(v.upper());
    }

    @Test
    void byNameRejectsUnknown() {
        assertThat(Metrics.byName("W2").name()).isEqualTo("w2");
        assertThatThrownBy(() -> Metrics.byName("chi2")).hasMessageContaining("chi2").hasMessageContaining("kl");
    }
}
