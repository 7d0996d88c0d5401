package org.difflab.theory.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Energy distance: ~0 for identical laws, and the closed form 2E|X-Y| - E|X-X'| - E|Y-Y'| for two 1-D normals. */
class EnergyDistanceTest {

    @Test
    void identicalLawsGiveZeroWithinBootstrapError() {
        Estimate e = SampleMetrics.energy().between(Normals.draw(2, 0, 1, 1500, 1), Normals.draw(2, 0, 1, 1500, 2));
        System.out.println("energy, identical: " + e);
        assertThat(e.agreesWith(0, 4, 0)).isTrue();
    }

    @Test
    void twoNormalsMatchClosedForm() {
        double truth = 2 * Normals.meanAbsDifference(0, 1, 1, 0.5) - Normals.meanAbsDifference(0, 1, 0, 1)
                - Normals.meanAbsDifference(1, 0.5, 1, 0.5);
        Estimate e = SampleMetrics.energy().between(Normals.draw(1, 0, 1, 1500, 3), Normals.draw(1, 1, 0.25, 1500, 4));
        System.out.println("energy, N(0,1) vs N(1,0.25): " + e + ", truth " + truth);
        assertThat(e.agreesWith(truth, 4, 0)).isTrue();
    }

    @Test
    void capSubsamplesAndSaysSo() {
        Estimate e = new EnergyDistance(300, 20, 0).between(Normals.draw(1, 0, 1, 1000, 5), Normals.draw(1, 0, 1, 500, 6));
        assertThat(e.method()).contains("n = 300 pairs subsampled from 1000 vs 500 (cap 300)");
        assertThatThrownBy(() -> new EnergyDistance(1, 20, 0)).hasMessageContaining("cap = 1");
        assertThatThrownBy(() -> new EnergyDistance(10, 1, 0)).hasMessageContaining("resamples = 1");
    }
}
