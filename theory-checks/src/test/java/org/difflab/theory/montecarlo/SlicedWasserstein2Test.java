package org.difflab.theory.montecarlo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Sliced W2^2 against the closed form (m1 - m2)^2 + (s1 - s2)^2 for isotropic normals: in 1-D (where it is W2^2)
 * within the spread of independent replications, and in 3-D within the error over directions plus sampling error.
 */
class SlicedWasserstein2Test {

    @Test
    void oneDimensionalNormalsMatchClosedFormWithinReplicationError() {
        double truth = 1 + 1; // N(0, 1) vs N(1, 4)
        int reps = 8;
        double[] v = new double[reps];
        for (int r = 0; r < reps; r++) {
            Estimate e = SampleMetrics.slicedW2().between(Normals.draw(1, 0, 1, 5000, 10 + r), Normals.draw(1, 1, 4, 5000, 100 + r));
            assertThat(e.standardError()).as("in 1-D every direction gives the same value").isLessThan(1e-12);
            v[r] = e.value();
        }
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double se = Bootstrap.sd(v) / Math.sqrt(reps);
        System.out.printf("1-D W2^2: %.5f +- %.5f (truth %.5f)%n", mean, se, truth);
        assertThat(Math.abs(mean - truth)).isLessThan(4 * se + 0.01);
    }

    @Test
    void isotropicNormalsMatchClosedForm() {
        double truth = 0.25 + 0.25; // N(0.5 1, I) vs N(0, 0.25 I) in 3-D
        Estimate e = new SlicedWasserstein2(200, 1).between(Normals.draw(3, 0.5, 1, 20000, 1), Normals.draw(3, 0, 0.25, 20000, 2));
        System.out.println("3-D sliced W2^2: " + e + ", truth " + truth);
        assertThat(e.standardError()).isGreaterThan(0);
        assertThat(e.agreesWith(truth, 4, 0.01)).isTrue();
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new SlicedWasserstein2(1, 0)).hasMessageContaining("directions = 1");
        assertThatThrownBy(() -> SampleMetrics.slicedW2().between(new double[][] {{1, 2}}, new double[][] {{1}}))
                .hasMessageContaining("y has dimension 1").hasMessageContaining("must be 2");
        assertThatThrownBy(() -> SampleMetrics.slicedW2().between(new double[][] {{Double.NaN}}, new double[][] {{1}}))
                .hasMessageContaining("x[0][0] = NaN");
    }
}
