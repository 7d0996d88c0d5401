package org.difflab.theory.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;

/** MMD^2: ~0 for identical laws (median heuristic), and the Gaussian-kernel closed form for two 1-D normals. */
class MmdTest {

    @Test
    void identicalLawsGiveZeroWithinBootstrapError() {
        double[][] x = Normals.draw(2, 0, 1, 1500, 1);
        Estimate e = SampleMetrics.mmd().toTarget(x, Targets.gaussian(2), 2);
        System.out.println("mmd2, identical: " + e);
        assertThat(e.method()).contains("median heuristic");
        assertThat(e.agreesWith(0, 4, 0)).isTrue();
    }

    @Test
    void twoNormalsWithFixedBandwidthMatchClosedForm() {
        double sk = 0.8;
        double truth = Normals.meanGaussianKernel(sk, 0, 1, 0, 1) + Normals.meanGaussianKernel(sk, 0.5, 0.7, 0.5, 0.7)
                - 2 * Normals.meanGaussianKernel(sk, 0, 1, 0.5, 0.7);
        Estimate e = SampleMetrics.mmd(sk).between(Normals.draw(1, 0, 1, 1500, 3), Normals.draw(1, 0.5, 0.49, 1500, 4));
        System.out.println("mmd2, N(0,1) vs N(0.5,0.49), sigma 0.8: " + e + ", truth " + truth);
        assertThat(e.agreesWith(truth, 4, 0)).isTrue();
        assertThat(e.value()).isGreaterThan(4 * e.standardError());
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> SampleMetrics.mmd(-1)).hasMessageContaining("bandwidth = -1.0");
        assertThatThrownBy(() -> SampleMetrics.mmd().between(new double[][] {{1}}, new double[][] {{1}, {2}}))
                .hasMessageContaining("x has 1 rows");
        assertThatThrownBy(() -> SampleMetrics.mmd().between(new double[][] {{1}, {1}}, new double[][] {{1}, {1}}))
                .hasMessageContaining("median pairwise distance");
    }
}
