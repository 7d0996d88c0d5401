package org.difflab.theory.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.GaussianMixture;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;

/**
 * KS: within the Kolmogorov scale under equality (1.63/sqrt(n) is the 99% quantile, 1.36/sqrt(n) the 95%), and the
 * closed form sup |Phi(x) - Phi(x - m)| = 2 Phi(m/2) - 1 for a shift.
 */
class KolmogorovSmirnovTest {
    private static final int N = 20000;

    @Test
    void samplesOfTheTargetAreWithinKolmogorovScale() {
        Estimate e = SampleMetrics.ks().toCdf(Normals.draw(1, 0, 1, N, 1), Targets.gaussian(1));
        System.out.println("ks to N(0,1): " + e + ", 95% scale " + 1.36 / Math.sqrt(N));
        assertThat(e.value()).isLessThan(1.63 / Math.sqrt(N));
        Estimate two = SampleMetrics.ks().between(Normals.draw(1, 0, 1, N, 2), Normals.draw(1, 0, 1, N / 2, 3));
        assertThat(two.value()).isLessThan(1.63 * Math.sqrt(1.0 / N + 2.0 / N));
    }

    @Test
    void shiftMatchesClosedForm() {
        double m = 0.5;
        double truth = 2 * Normals.phi(m / 2) - 1;
        Estimate e = SampleMetrics.ks().toCdf(Normals.draw(1, m, 1, N, 4), Targets.gaussian(1));
        Estimate two = SampleMetrics.ks().between(Normals.draw(1, m, 1, N, 5), Normals.draw(1, 0, 1, N, 6));
        System.out.println("ks shift 0.5: " + e + " / two-sample " + two + ", truth " + truth);
        assertThat(e.agreesWith(truth, 4, 0)).isTrue();
        assertThat(two.agreesWith(truth, 4, 0)).isTrue();
    }

    @Test
    void mixtureCdfIsTheWeightedSum() {
        GaussianMixture mix = new GaussianMixture(List.of(Gaussian.isotropic(1, -2, 0.25), Gaussian.isotropic(1, 1, 1)),
                new double[] {0.3, 0.7}, "test-mixture");
        Estimate e = SampleMetrics.ks().toCdf(TargetSamples.draw(mix, N, 7), mix);
        assertThat(e.value()).isLessThan(1.63 / Math.sqrt(N));
        assertThat(SampleMetrics.ks().toCdf(Normals.draw(1, 0, 1, N, 8), mix).value()).isGreaterThan(0.1);
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SampleMetrics.ks().toCdf(new double[][] {{1, 2}}, Targets.gaussian(1)))
                .hasMessageContaining("x has dimension 2");
        assertThatThrownBy(() -> SampleMetrics.ks().toCdf(new double[][] {{1}}, Targets.gaussian(2)))
                .hasMessageContaining("has dimension 2").hasMessageContaining("1-D target");
    }
}
