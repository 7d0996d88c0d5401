package org.difflab.theory.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.GaussianMixture;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;

/** 1-D W1: |m| for a shift, to a CDF and between samples; ~0 for samples of a mixture against its own CDF. */
class Wasserstein1Test {
    private static final int N = 20000;

    @Test
    void shiftGivesItsSize() {
        double m = -0.7;
        Estimate e = SampleMetrics.w1().toCdf(Normals.draw(1, m, 1, N, 1), Targets.gaussian(1));
        Estimate two = SampleMetrics.w1().between(Normals.draw(1, m, 1, N, 2), Normals.draw(1, 0, 1, N, 3));
        System.out.println("w1 shift -0.7: " + e + " / two-sample " + two);
        assertThat(e.agreesWith(Math.abs(m), 4, 0)).isTrue();
        assertThat(two.agreesWith(Math.abs(m), 4, 0)).isTrue();
    }

    @Test
    void exactCdfAgreesWithTheEmpiricalLawOfManyTargetSamples() {
        GaussianMixture mix = new GaussianMixture(List.of(Gaussian.isotropic(1, -2, 0.25), Gaussian.isotropic(1, 1, 1)),
                new double[] {0.3, 0.7}, "test-mixture");
        double[][] x = Normals.draw(1, 0, 1, 2000, 4);
        Estimate exact = SampleMetrics.w1().toCdf(x, mix);
        Estimate sampled = SampleMetrics.w1().between(x, TargetSamples.draw(mix, 50_000, 5));
        System.out.println("w1 N(0,1) to mixture: exact CDF " + exact + " / 50000 target samples " + sampled);
        assertThat(Math.abs(exact.value() - sampled.value())).isLessThan(0.02);
        assertThat(SampleMetrics.w1().toCdf(TargetSamples.draw(mix, N, 6), mix).value()).isLessThan(0.03);
    }
}
