package org.difflab.dsl.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import java.util.Random;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.model.ScorePredictor;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.difflab.dsl.testing.ManagerPerTestClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SyntheticHierarchyTest {
    private static final int D = 8;
    private static final int K = 6;
    private static final double[] TIMES = {0.1, 0.3, 0.5, 0.7, 0.9};
    private static final Gaussian TARGET = Targets.gaussian(D, 1, 0.5);
    private static final ScoreModel EXACT = TARGET.exactScore();
    // the statistical tests run in d = 32, where one level's delta scatters by a few per cent about 2^-k
    private static final int BIG_D = 32;
    private static final Gaussian BIG = Targets.gaussian(BIG_D, 1, 0.5);
    private static final ScoreModel BIG_EXACT = BIG.exactScore();
    private static final NoiseLevel LEVEL = HierarchyFixtures.vp(0.4);
    @RegisterExtension
    static final ManagerPerTestClass MANAGER = new ManagerPerTestClass();

    private static NDArray randomRows(int rows, long seed) {
        Random r = new Random(seed);
        double[][] v = new double[rows][D];
        for (double[] row : v) {
            for (int j = 0; j < D; j++) {
                row[j] = 2 * r.nextGaussian();
            }
        }
        return MANAGER.get().create(v);
    }

    private static double maxAbs(NDArray a) {
        double m = 0;
        for (double v : a.toType(DataType.FLOAT64, false).toDoubleArray()) {
            m = Math.max(m, Math.abs(v));
        }
        return m;
    }

    // Several levels at one state in one call: each the level's own score bit for bit (float32 and float64, both forms,
    // the base among them), with the exact score the levels share and the hierarchy's base evaluated once, not per level.
    @Test
    void levelsAtOneStateShareOneEvaluationOfTheirBase() {
        int[] calls = {0};
        ScoreModel counted = new ScorePredictor() {
            @Override
            public Shape eventShape() {
                return EXACT.eventShape();
            }

            @Override
            public NDArray predict(NDArray x, NoiseLevel level) {
                calls[0]++;
                return EXACT.predictScore(x, level);
            }
        };
        int[] ks = {K, 4, 1, 0, 2};
        for (DataType type : new DataType[] {DataType.FLOAT32, DataType.FLOAT64}) {
            for (ModelHierarchy h : List.of(SyntheticHierarchy.linear(counted, K, 3, 5), SyntheticHierarchy.nonlinear(counted, K, 3, 5))) {
                NDArray x = randomRows(7, 11).toType(type, false);
                calls[0] = 0;
                NDArray[] together = h.scores(ks, x, LEVEL);
                assertThat(calls[0]).as("evaluations of the shared exact score").isEqualTo(1);
                for (int j = 0; j < ks.length; j++) {
                    NDArray alone = h.score(ks[j], x, LEVEL);
                    assertThat(together[j].getDataType()).isEqualTo(type);
                    assertThat(together[j].toType(DataType.FLOAT64, false).toDoubleArray()).as("level %d, %s", ks[j], type)
                            .containsExactly(alone.toType(DataType.FLOAT64, false).toDoubleArray());
                }
                assertThat(calls[0]).as("then one a level").isEqualTo(1 + ks.length);
            }
        }
        assertThatThrownBy(() -> SyntheticHierarchy.linear(EXACT, K, 3, 5).scores(new int[] {K + 1}, randomRows(2, 1), LEVEL))
                .hasMessageContaining("ks[0]").hasMessageContaining(String.valueOf(K + 1));
    }

    // C_k = 2^{gamma k} exactly; every level predicts a score of the target's event shape.
    @Test
    void declaresCostsTwoToTheGammaK() {
        ModelHierarchy h = SyntheticHierarchy.linear(EXACT, K, 2.5, 1);
        assertThat(h.size()).isEqualTo(K);
        assertThat(h.eventShape()).isEqualTo(new Shape(D));
        for (int k = 1; k <= K; k++) {
            assertThat(h.cost(k)).isEqualTo(Math.pow(2, 2.5 * k));
            assertThat(h.model(k).parameterization()).isEqualTo(Parameterization.SCORE);
            assertThat(((SyntheticLevel) h.model(k)).level()).isEqualTo(k);
        }
        assertThat(h.model(3).describe()).contains("linear level 3 of 6", "gamma 2.5", "gaussian:d=8");
    }

    // Linear form: s^k(x + y) - s^k(y) - s^k(x) + s^k(0) = 0 for every level (affine in x), so a sampler step stays
    // linear-Gaussian on a Gaussian target. The nonlinear form breaks this by O(2^-k).
    @Test
    void linearLevelsAreAffineAndNonlinearOnesAreNot() {
        NDArray x = randomRows(32, 3);
        NDArray y = randomRows(32, 4);
        NDArray zero = x.zerosLike();
        for (var form : List.of(SyntheticLevel.Form.LINEAR, SyntheticLevel.Form.NONLINEAR)) {
            ModelHierarchy h = form == SyntheticLevel.Form.LINEAR ? SyntheticHierarchy.linear(EXACT, K, 3, 7)
                    : SyntheticHierarchy.nonlinear(EXACT, K, 3, 7);
            for (int k = 1; k <= K; k++) {
                ScoreModel m = h.model(k);
                NDArray defect = m.predict(x.add(y), LEVEL).sub(m.predict(y, LEVEL))
                        .sub(m.predict(x, LEVEL)).add(m.predict(zero, LEVEL));
                double size = maxAbs(m.predict(x, LEVEL).sub(EXACT.predict(x, LEVEL)));
                if (form == SyntheticLevel.Form.LINEAR) {
                    assertThat(maxAbs(defect)).as("level %d", k).isLessThan(1e-12);
                } else {
                    // the exact score is affine, so the whole defect comes from the error term, of size ~ 2^-k
                    assertThat(maxAbs(defect)).as("level %d", k).isGreaterThan(0.1 * size).isGreaterThan(1e-4);
                }
            }
        }
    }

    // delta_k = 2^-k RMS||phi_k|| for k >= 2, with E||phi_k(x)||^2 = E||x||^2 + d (linear) or d (nonlinear) over the
    // random draws: so delta_k 2^k is close to that root for every level, and consecutive deltas halve. With the exact
    // score as base, Delta_1 = e_1 = sum_{j >= 2} a_j phi_j + tail, of RMS root / sqrt(12); without a base delta_1 is
    // the size of the coarsest score itself and lies well off the line (why the gamma fit leaves level 1 out).
    @Test
    void levelDifferencesHalvePerLevel() {
        List<StateBatch> states = HierarchyFixtures.noisedStates(MANAGER.get(), BIG, TIMES, 200, 11);
        double m2 = HierarchyFixtures.meanSquaredNorm(states);
        for (var form : List.of(SyntheticLevel.Form.LINEAR, SyntheticLevel.Form.NONLINEAR)) {
            ModelHierarchy h = form == SyntheticLevel.Form.LINEAR ? SyntheticHierarchy.linear(BIG_EXACT, K, 2.5, 5)
                    : SyntheticHierarchy.nonlinear(BIG_EXACT, K, 2.5, 5);
            LevelDifferences ld = LevelDifferences.measure(h, states);
            double expected = Math.sqrt(form == SyntheticLevel.Form.LINEAR ? m2 + BIG_D : BIG_D);
            System.out.println(form + " (d = " + BIG_D + ", E||x||^2 = " + m2 + "): " + ld.describe());
            for (int k = 2; k <= K; k++) {
                assertThat(ld.delta(k) * Math.pow(2, k) / expected).as("%s level %d", form, k).isBetween(0.85, 1.15);
            }
            for (int k = 2; k < K; k++) {
                assertThat(ld.delta(k + 1) / ld.delta(k)).as("%s ratio %d", form, k).isBetween(0.4, 0.62);
            }
            assertThat(ld.delta(1) * Math.sqrt(12) / expected).as("%s level 1 over the base", form).isBetween(0.85, 1.15);
            LevelDifferences withoutBase = LevelDifferences.measure(ModelHierarchy.of(h.levels()), states);
            assertThat(withoutBase.delta(1) * 2 / expected).as("%s level 1 without base", form).isGreaterThan(1.3);
            assertThat(withoutBase.delta(2)).isEqualTo(ld.delta(2));
        }
    }

    // Level k's error to the exact score is the tail, of RMS about scale 2^-k / sqrt(3) sqrt(E||x||^2 + d): it halves
    // with k, and the top level is inexact, like a trained network (d = 32, rows with E||x||^2 = 4 d).
    @Test
    void errorToTheExactScoreHalvesPerLevel() {
        Random r = new Random(8);
        double[][] rows = new double[500][BIG_D];
        for (double[] row : rows) {
            for (int j = 0; j < BIG_D; j++) {
                row[j] = 2 * r.nextGaussian();
            }
        }
        NDArray x = MANAGER.get().create(rows);
        ModelHierarchy h = SyntheticHierarchy.linear(BIG_EXACT, K, 3, 2);
        double[] rms = new double[K + 1];
        for (int k = 1; k <= K; k++) {
            double[] e = h.model(k).predict(x, LEVEL).sub(BIG_EXACT.predict(x, LEVEL)).toDoubleArray();
            double s = 0;
            for (double v : e) {
                s += v * v;
            }
            rms[k] = Math.sqrt(s / 500);
        }
        for (int k = 1; k <= K; k++) {
            assertThat(rms[k] * Math.pow(2, k) * Math.sqrt(3) / Math.sqrt(4 * BIG_D + BIG_D)).as("level %d", k).isBetween(0.8, 1.2);
        }
        for (int k = 1; k < K; k++) {
            assertThat(rms[k + 1] / rms[k]).as("ratio %d", k).isBetween(0.4, 0.62);
        }
    }

    // Measured gamma (levels 2..6, OLS on log delta vs log C, t-interval): over 20 seeds the declared gamma lies in
    // the 95% interval at least 16 times (binomial(20, 0.95): P(fewer) = 0.3%), the median estimate is within 5%
    // of it, and the intervals are informative (median width < 25% of gamma).
    @Test
    void measuredGammaMatchesTheDeclaredOne() {
        // two batches: the synthetic error does not depend on the noise level, and few batches keep the op count low
        List<StateBatch> states = HierarchyFixtures.noisedStates(MANAGER.get(), BIG, new double[] {0.3, 0.7}, 250, 12);
        for (double gamma : new double[] {2.5, 3}) {
            for (var form : List.of(SyntheticLevel.Form.LINEAR, SyntheticLevel.Form.NONLINEAR)) {
                int covered = 0;
                double[] estimates = new double[20];
                double[] widths = new double[20];
                for (int seed = 1; seed <= 20; seed++) {
                    ModelHierarchy h = form == SyntheticLevel.Form.LINEAR ? SyntheticHierarchy.linear(BIG_EXACT, K, gamma, seed)
                            : SyntheticHierarchy.nonlinear(BIG_EXACT, K, gamma, seed);
                    GammaFit fit = LevelDifferences.measure(h, states).gamma();
                    assertThat(fit.firstLevel()).isEqualTo(2);
                    assertThat(fit.lastLevel()).isEqualTo(K);
                    if (seed <= 3) {
                        System.out.println(form + " declared gamma " + gamma + ", seed " + seed + ": " + fit);
                    }
                    covered += fit.contains(gamma) ? 1 : 0;
                    estimates[seed - 1] = fit.gamma();
                    widths[seed - 1] = fit.upper() - fit.lower();
                }
                java.util.Arrays.sort(estimates);
                java.util.Arrays.sort(widths);
                double median = (estimates[9] + estimates[10]) / 2;
                double width = (widths[9] + widths[10]) / 2;
                System.out.printf("%s declared gamma %s: covered %d/20, median %.3f, median CI width %.3f, range [%.3f, %.3f]%n",
                        form, gamma, covered, median, width, estimates[0], estimates[19]);
                assertThat(covered).as("%s gamma %s", form, gamma).isGreaterThanOrEqualTo(16);
                assertThat(median).as("%s gamma %s", form, gamma).isCloseTo(gamma, within(0.05 * gamma));
                assertThat(width).as("%s gamma %s", form, gamma).isLessThan(0.25 * gamma);
            }
        }
    }

    // The linear error is diagonal: on an isotropic target (diagonal exact score) moving coordinate i changes only
    // coordinate i of every level's output, so in a Gaussian target's eigenbasis the coordinates stay decoupled,
    // which theory-checks' ExactEvaluator (diagonal Gaussians) needs. The nonlinear error couples them.
    @Test
    void linearErrorKeepsCoordinatesDecoupled() {
        NDArray x = randomRows(8, 13);
        for (var form : List.of(SyntheticLevel.Form.LINEAR, SyntheticLevel.Form.NONLINEAR)) {
            ModelHierarchy h = form == SyntheticLevel.Form.LINEAR ? SyntheticHierarchy.linear(EXACT, K, 3, 4)
                    : SyntheticHierarchy.nonlinear(EXACT, K, 3, 4);
            double coupling = 0;
            for (int i = 0; i < D; i++) {
                double[] bump = new double[D];
                bump[i] = 0.5;
                NDArray moved = x.add(MANAGER.get().create(bump).reshape(1, D));
                double[] change = h.model(1).predict(moved, LEVEL).sub(h.model(1).predict(x, LEVEL)).toDoubleArray();
                for (int row = 0; row < 8; row++) {
                    for (int j = 0; j < D; j++) {
                        if (j != i) {
                            coupling = Math.max(coupling, Math.abs(change[row * D + j]));
                        }
                    }
                }
            }
            if (form == SyntheticLevel.Form.LINEAR) {
                assertThat(coupling).isLessThan(1e-13);
            } else {
                assertThat(coupling).isGreaterThan(1e-3);
            }
        }
    }

    // Same seed: the same bits; another seed: another hierarchy.
    @Test
    void deterministicGivenTheSeed() {
        NDArray x = randomRows(16, 9);
        for (var form : List.of(SyntheticLevel.Form.LINEAR, SyntheticLevel.Form.NONLINEAR)) {
            ModelHierarchy a = form == SyntheticLevel.Form.LINEAR ? SyntheticHierarchy.linear(EXACT, 4, 2.5, 42)
                    : SyntheticHierarchy.nonlinear(EXACT, 4, 2.5, 42);
            ModelHierarchy b = form == SyntheticLevel.Form.LINEAR ? SyntheticHierarchy.linear(EXACT, 4, 2.5, 42)
                    : SyntheticHierarchy.nonlinear(EXACT, 4, 2.5, 42);
            ModelHierarchy c = form == SyntheticLevel.Form.LINEAR ? SyntheticHierarchy.linear(EXACT, 4, 2.5, 43)
                    : SyntheticHierarchy.nonlinear(EXACT, 4, 2.5, 43);
            for (int k = 1; k <= 4; k++) {
                double[] pa = a.model(k).predict(x, LEVEL).toDoubleArray();
                assertThat(b.model(k).predict(x, LEVEL).toDoubleArray()).isEqualTo(pa);
                assertThat(maxAbs(c.model(k).predict(x, LEVEL).sub(a.model(k).predict(x, LEVEL)))).isGreaterThan(1e-3 * Math.pow(2, -k));
            }
        }
    }

    // float32 in, float32 out, equal to the float64 result to float32 precision; event shapes of rank 2 work too.
    @Test
    void matchesTheDtypeOfX() {
        NDArray x64 = randomRows(16, 10);
        NDArray x32 = x64.toType(DataType.FLOAT32, true);
        for (ModelHierarchy h : List.of(SyntheticHierarchy.linear(EXACT, 4, 3, 1), SyntheticHierarchy.nonlinear(EXACT, 4, 3, 1))) {
            for (int k = 1; k <= 4; k++) {
                NDArray p64 = h.model(k).predict(x64, LEVEL);
                NDArray p32 = h.model(k).predict(x32, LEVEL);
                assertThat(p64.getDataType()).isEqualTo(DataType.FLOAT64);
                assertThat(p32.getDataType()).isEqualTo(DataType.FLOAT32);
                assertThat(maxAbs(p32.toType(DataType.FLOAT64, false).sub(p64))).isLessThan(1e-4 * (1 + maxAbs(p64)));
            }
        }
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> SyntheticHierarchy.linear(null, 4, 2.5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exact");
        assertThatThrownBy(() -> SyntheticHierarchy.linear(EXACT, 1, 2.5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("levels = 1").hasMessageContaining("[2, 30]");
        assertThatThrownBy(() -> SyntheticHierarchy.nonlinear(EXACT, 31, 2.5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("levels = 31");
        assertThatThrownBy(() -> SyntheticHierarchy.linear(EXACT, 4, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma = 0.0").hasMessageContaining("> 0");
        assertThatThrownBy(() -> SyntheticHierarchy.nonlinear(EXACT, 4, -1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma = -1.0");
        assertThatThrownBy(() -> SyntheticHierarchy.linear(EXACT, 4, Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gamma = NaN");
        assertThatThrownBy(() -> SyntheticHierarchy.linear(EXACT, 4, 2.5, 0.0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scale = 0.0");
        assertThatThrownBy(() -> SyntheticHierarchy.nonlinear(Targets.gaussian(60_000).exactScore(), 6, 2.5, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("d = 60000").hasMessageContaining("levels = 6");
    }
}
