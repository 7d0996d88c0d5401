package org.difflab.dsl.langevin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Potentials: the targets' clean-level scores are grad log pi, the double well's drift, and the spec strings. */
class LangevinPotentialTest {

    @Test
    void gaussianTargetGivesMinusPrecisionTimesDeviation() {
        Gaussian g = Gaussian.diagonal(new double[] {1, -2}, new double[] {0.5, 4});
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = m.create(new double[] {0.3, 1.0, -1.0, 2.0}, new Shape(2, 2));
            double[] b = Potentials.of(g).gradLogDensity(x).toDoubleArray();
            assertThat(b).containsExactly(new double[] {-(0.3 - 1) / 0.5, -(1.0 + 2) / 4, -(-1.0 - 1) / 0.5, -(2.0 + 2) / 4}, within(1e-12));
        }
    }

    /** The mixture's clean-level score is the gradient of its log density (central differences). */
    @Test
    void mixtureDriftIsGradientOfLogDensity() {
        Target mix = Targets.randomMixture(2, 3, 1, 0.5, 1);
        NoiseLevel clean = new NoiseLevel(0, 1, 0);
        double eps = 1e-5;
        try (NDManager m = NDManager.newBaseManager()) {
            double[] p = {0.4, -0.7};
            double[] b = Potentials.of(mix).gradLogDensity(m.create(p, new Shape(1, 2))).toDoubleArray();
            for (int j = 0; j < 2; j++) {
                double[] up = p.clone();
                double[] down = p.clone();
                up[j] += eps;
                down[j] -= eps;
                double numeric = (mix.logDensity(m.create(up, new Shape(1, 2)), clean).getDouble(0)
                        - mix.logDensity(m.create(down, new Shape(1, 2)), clean).getDouble(0)) / (2 * eps);
                assertThat(b[j]).as("coordinate %d", j).isCloseTo(numeric, within(1e-7));
            }
        }
    }

    @Test
    void doubleWellDrift() {
        DoubleWell w = Potentials.doubleWell(2, 1.5);
        try (NDManager m = NDManager.newBaseManager()) {
            double[] b = w.gradLogDensity(m.create(new double[] {0, 1, 2, -0.5}, new Shape(2, 2))).toDoubleArray();
            assertThat(b).containsExactly(new double[] {0, 0, -4 * 1.5 * 2 * 3, -4 * 1.5 * -0.5 * (0.25 - 1)}, within(1e-12));
        }
    }

    @ParameterizedTest
    @CsvSource({"doublewell:d=3,a=0.5", "gaussian:d=1", "gmm:preset=ring8"})
    void specsRebuildThePotential(String spec) {
        Potential p = Potentials.parse(spec);
        assertThat(Potentials.parse(p.spec()).spec()).isEqualTo(p.spec());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "doublewell:a=0|a = 0.0", "doublewell:d=0|d = 0", "doublewell:a=x|a = x", "doublewell:b=1|unknown key 'b'",
            "banana:d=2|name = banana", "gaussian:var=-1|var = -1.0"})
    void badSpecsAreNamed(String spec, String message) {
        assertThatThrownBy(() -> Potentials.parse(spec)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> new DoubleWell(1, -1)).hasMessageContaining("a = -1.0");
        assertThatThrownBy(() -> new LangevinProblem(Potentials.doubleWell(1, 1), 0, 2)).hasMessageContaining("stepSize = 0.0");
        assertThatThrownBy(() -> new LangevinProblem(Potentials.doubleWell(1, 1), 0.1, Double.NaN)).hasMessageContaining("friction = NaN");
        assertThatThrownBy(() -> new LangevinProblem(null, 0.1, 2)).hasMessageContaining("potential is missing");
    }
}
