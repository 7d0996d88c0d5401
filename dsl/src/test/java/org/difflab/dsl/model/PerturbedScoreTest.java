package org.difflab.dsl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import java.util.SplittableRandom;
import org.difflab.dsl.model.PerturbedScore.ErrorShape;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.target.Targets;
import org.difflab.dsl.testing.FunctionModel;
import org.difflab.dsl.testing.ManagerPerTestClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PerturbedScoreTest {
    @RegisterExtension
    static final ManagerPerTestClass MANAGER = new ManagerPerTestClass();
    private static final NoiseLevel LEVEL = new NoiseLevel(0.5, 0.8, 0.6);
    private static final int D = 5;

    private static NDArray points() {
        SplittableRandom r = new SplittableRandom(5);
        double[][] v = new double[16][D];
        for (double[] row : v) {
            for (int j = 0; j < D; j++) {
                row[j] = 6 * r.nextDouble() - 3;
            }
        }
        return MANAGER.get().create(v);
    }

    // CONSTANT: the error is one fixed vector of norm exactly `size`, the same for every row, so the
    // score-error term epsilon_score equals size exactly.
    @Test
    void constantErrorHasNormSize() {
        ScoreModel base = Targets.rotatedGaussian(D, 0.2, 0.5, 4, 2).exactScore();
        NDArray x = points();
        for (double size : new double[] {0, 0.01, 0.3, 2}) {
            PerturbedScore p = new PerturbedScore(base, size, ErrorShape.CONSTANT, 9);
            assertThat(p.parameterization()).isEqualTo(Parameterization.SCORE);
            double[] e = p.predict(x, LEVEL).sub(base.predict(x, LEVEL)).toDoubleArray();
            for (int i = 0; i < 16; i++) {
                double norm2 = 0;
                for (int j = 0; j < D; j++) {
                    norm2 += e[i * D + j] * e[i * D + j];
                    assertThat(e[i * D + j]).isCloseTo(e[j], within(1e-12)); // same vector in every row
                }
                assertThat(Math.sqrt(norm2)).isCloseTo(size, within(1e-12));
            }
        }
    }

    // RELATIVE: s = (1 + size) s_base, also when the base predicts eps (converted to a score first).
    @Test
    void relativeErrorScalesTheBase() {
        NDArray x = points();
        ScoreModel base = Targets.gaussian(D, 1, 0.3).exactScore();
        double[] b = base.predict(x, LEVEL).toDoubleArray();
        double[] p = new PerturbedScore(base, 0.25, ErrorShape.RELATIVE, 1).predict(x, LEVEL).toDoubleArray();
        for (int i = 0; i < b.length; i++) {
            assertThat(p[i]).isCloseTo(1.25 * b[i], within(1e-12 * (1 + Math.abs(b[i]))));
        }
        ScoreModel epsBase = new FunctionModel(Parameterization.EPS, base.eventShape(),
                (xx, level) -> Parameterization.EPS.fromEps(base.predict(xx, level).mul(-level.sigma()), xx, level));
        double[] q = new PerturbedScore(epsBase, 0.25, ErrorShape.RELATIVE, 1).predict(x, LEVEL).toDoubleArray();
        for (int i = 0; i < b.length; i++) {
            assertThat(q[i]).isCloseTo(1.25 * b[i], within(1e-12 * (1 + Math.abs(b[i]))));
        }
    }

    // SINUSOIDAL: e = size sqrt(2/d) sin(x), bounded by size sqrt(2/d) per coordinate.
    @Test
    void sinusoidalErrorFollowsItsFormula() {
        NDArray x = points();
        ScoreModel base = Targets.gaussian(D).exactScore();
        double[] xs = x.toDoubleArray();
        double[] e = new PerturbedScore(base, 0.4, ErrorShape.SINUSOIDAL, 1).predict(x, LEVEL)
                .sub(base.predict(x, LEVEL)).toDoubleArray();
        for (int i = 0; i < xs.length; i++) {
            assertThat(e[i]).isCloseTo(0.4 * Math.sqrt(2.0 / D) * Math.sin(xs[i]), within(1e-12));
        }
    }
}
