package org.difflab.dsl.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.difflab.dsl.model.PerturbedScore;
import org.difflab.dsl.model.PerturbedScore.ErrorShape;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.difflab.dsl.testing.ManagerPerTestClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LevelDifferencesTest {
    private static final int D = 4;
    private static final Gaussian TARGET = Targets.gaussian(D, 1, 0.3);
    private static final ScoreModel EXACT = TARGET.exactScore();
    private static final double[] SIZES = {0.8, 0.3, 0.1, 0.04};
    @RegisterExtension
    static final ManagerPerTestClass MANAGER = new ManagerPerTestClass();

    // s^k = s + size_k u with one unit vector u (same seed), so ||Delta_k|| = |size_k - size_{k-1}| at every state (k >= 2)
    private static ModelHierarchy constantErrors() {
        List<ScoreModel> models = java.util.Arrays.stream(SIZES)
                .mapToObj(s -> (ScoreModel) new PerturbedScore(EXACT, s, ErrorShape.CONSTANT, 3)).toList();
        return ModelHierarchy.of(models, new double[] {1, 10, 100, 1000});
    }

    private static double rmsNorm(NDArray a) {
        double[] v = a.toType(DataType.FLOAT64, false).toDoubleArray();
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s / a.getShape().get(0));
    }

    @Test
    void deltasAreRmsNormsOfLevelDifferences() {
        List<StateBatch> states = HierarchyFixtures.noisedStates(MANAGER.get(), TARGET, new double[] {0.2, 0.6}, 50, 1);
        ModelHierarchy h = constantErrors();
        LevelDifferences ld = LevelDifferences.measure(h, states);
        assertThat(ld.levels()).isEqualTo(4);
        assertThat(ld.bins()).isEqualTo(1);
        assertThat(ld.rows()).isEqualTo(100);
        for (int k = 2; k <= 4; k++) {
            assertThat(ld.delta(k)).as("level %d", k).isCloseTo(Math.abs(SIZES[k - 1] - SIZES[k - 2]), within(1e-12));
        }
        // delta_1 = RMS ||s^1|| over both batches pooled
        double s2 = 0;
        for (StateBatch b : states) {
            double r = rmsNorm(h.model(1).predict(b.x(), b.level()));
            s2 += r * r * 50;
        }
        assertThat(ld.delta(1)).isCloseTo(Math.sqrt(s2 / 100), within(1e-12));
        assertThat(ld.deltas()).hasSize(4).startsWith(ld.delta(1));
        assertThat(ld.costs()).containsExactly(1, 10, 100, 1000);
        assertThat(ld.describe()).contains("over 100 states");
    }

    // float32 states give the float64 deltas to float32 precision.
    @Test
    void float32StatesWork() {
        List<StateBatch> states = HierarchyFixtures.noisedStates(MANAGER.get(), TARGET, new double[] {0.5}, 40, 2);
        List<StateBatch> states32 = List.of(new StateBatch(states.get(0).level(), states.get(0).x().toType(DataType.FLOAT32, true)));
        ModelHierarchy h = SyntheticHierarchy.nonlinear(EXACT, 4, 3, 1);
        double[] d64 = LevelDifferences.measure(h, states).deltas();
        double[] d32 = LevelDifferences.measure(h, states32).deltas();
        for (int k = 0; k < 4; k++) {
            assertThat(d32[k]).isCloseTo(d64[k], within(1e-4 * d64[k]));
        }
    }

    // Bins by t: each batch goes to its bin; the pooled delta^2 is the row-weighted mean of the bins' delta^2;
    // an empty bin has NaN deltas; per-bin gamma fits are available.
    @Test
    void binsSplitStatesByTime() {
        List<StateBatch> early = HierarchyFixtures.noisedStates(MANAGER.get(), TARGET, new double[] {0.1, 0.2}, 30, 4);
        List<StateBatch> late = HierarchyFixtures.noisedStates(MANAGER.get(), TARGET, new double[] {0.9}, 90, 5);
        List<StateBatch> all = new java.util.ArrayList<>(early);
        all.addAll(late);
        // without the base, delta_1 is the size of the score
        ModelHierarchy h = ModelHierarchy.of(SyntheticHierarchy.linear(EXACT, 5, 2.5, 9).levels());
        LevelDifferences binned = LevelDifferences.measure(h, all, new double[] {0, 0.5, 0.8, 1});
        LevelDifferences e = LevelDifferences.measure(h, early);
        LevelDifferences l = LevelDifferences.measure(h, late);
        LevelDifferences pooled = LevelDifferences.measure(h, all);
        assertThat(binned.bins()).isEqualTo(3);
        assertThat(binned.binEdges()).containsExactly(0, 0.5, 0.8, 1);
        assertThat(binned.rows(0)).isEqualTo(60);
        assertThat(binned.rows(1)).isZero();
        assertThat(binned.rows(2)).isEqualTo(90);
        for (int k = 1; k <= 5; k++) {
            assertThat(binned.delta(0, k)).isCloseTo(e.delta(k), within(1e-12 * e.delta(k)));
            assertThat(binned.delta(2, k)).isCloseTo(l.delta(k), within(1e-12 * l.delta(k)));
            assertThat(binned.delta(1, k)).isNaN();
            double mix = Math.sqrt((60 * e.delta(k) * e.delta(k) + 90 * l.delta(k) * l.delta(k)) / 150);
            assertThat(binned.delta(k)).isCloseTo(mix, within(1e-12 * mix)).isCloseTo(pooled.delta(k), within(1e-12 * mix));
        }
        // the score grows near the data end (small t): delta_1 is larger in the early bin
        assertThat(binned.delta(0, 1)).isGreaterThan(binned.delta(2, 1));
        assertThat(binned.gammaInBin(0).gamma()).isCloseTo(e.gamma().gamma(), within(1e-9));
        assertThat(binned.gamma().gamma()).isCloseTo(pooled.gamma().gamma(), within(1e-9));
        assertThat(binned.describe()).contains("bin [0.500000, 0.800000]");
        assertThatThrownBy(() -> binned.gammaInBin(1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deltas[1] = NaN");
        // as pilot rates: each time takes its bin (the empty one the overall deltas), times outside the nearest bin
        PilotDifferences pilot = binned.pilot();
        assertThat(pilot.bins()).isEqualTo(3);
        assertThat(pilot.at(0.15)).containsExactly(binned.deltas(0));
        assertThat(pilot.at(-1)).containsExactly(binned.deltas(0));
        assertThat(pilot.at(0.6)).containsExactly(binned.deltas());
        assertThat(pilot.at(1)).containsExactly(binned.deltas(2));
        assertThat(pilot.at(7)).containsExactly(binned.deltas(2));
        assertThat(h.withDifferences(pilot).differences()).containsSame(pilot);
        assertThatThrownBy(() -> SyntheticHierarchy.linear(EXACT, 4, 2.5, 9).withDifferences(pilot))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pilot has 5 levels").hasMessageContaining("one per level, 4");
    }

    // gamma = -1/slope of the OLS fit of log delta on log C over levels 2..K, with the slope's t-interval mapped to
    // [-1/lo, -1/hi]; level 1 is left out by default.
    @Test
    void gammaFitTransformsTheSlopeInterval() {
        double[] costs = {2, 8, 32, 128, 512, 2048};
        double[] deltas = {50, 0.51, 0.24, 0.13, 0.061, 0.032};
        GammaFit fit = GammaFit.fit(costs, deltas, 2);
        SimpleRegression r = new SimpleRegression();
        for (int k = 1; k < 6; k++) {
            r.addData(Math.log(costs[k]), Math.log(deltas[k]));
        }
        double half = r.getSlopeConfidenceInterval(0.05);
        assertThat(fit.slope()).isCloseTo(r.getSlope(), within(1e-14));
        assertThat(fit.gamma()).isCloseTo(-1 / r.getSlope(), within(1e-12));
        assertThat(fit.lower()).isCloseTo(-1 / (r.getSlope() - half), within(1e-12));
        assertThat(fit.upper()).isCloseTo(-1 / (r.getSlope() + half), within(1e-12));
        assertThat(fit.lower()).isLessThan(fit.gamma()).isPositive();
        assertThat(fit.upper()).isGreaterThan(fit.gamma());
        // the slope is about -0.5 per factor 4 in cost: gamma about 2
        assertThat(fit.gamma()).isBetween(1.8, 2.2);
        assertThat(fit.localGamma()).hasSize(4);
        assertThat(fit.localGamma()[0]).isCloseTo(-Math.log(4) / Math.log(0.24 / 0.51), within(1e-12));
        // including level 1 (delta_1 = the size of the score) bends the line
        assertThat(GammaFit.fit(costs, deltas, 1).gamma()).isLessThan(0.7 * fit.gamma());
        // an exact power law gives gamma exactly, with a (numerically) zero-width interval
        double[] exact = new double[6];
        for (int k = 0; k < 6; k++) {
            exact[k] = Math.pow(costs[k], -1 / 2.7);
        }
        GammaFit e = GammaFit.fit(costs, exact, 2);
        assertThat(e.gamma()).isCloseTo(2.7, within(1e-9));
        assertThat(e.contains(2.7)).isTrue();
        assertThat(e.upper() - e.lower()).isLessThan(1e-6);
    }

    // No significant decay: upper end +Infinity; growth: gamma NaN; two levels: no interval.
    @Test
    void gammaFitEdgeCases() {
        double[] costs = {1, 2, 4, 8};
        GammaFit flat = GammaFit.fit(costs, new double[] {1, 1, 0.95, 1.02}, 2);
        assertThat(flat.upper()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(flat.contains(1e6)).isTrue();
        GammaFit growing = GammaFit.fit(costs, new double[] {1, 1, 2, 4}, 2);
        assertThat(growing.gamma()).isNaN();
        assertThat(growing.contains(2.5)).isFalse();
        GammaFit two = GammaFit.fit(new double[] {1, 2, 4}, new double[] {9, 0.5, 0.25}, 2);
        assertThat(two.gamma()).isCloseTo(1, within(1e-12));
        assertThat(two.lower()).isNaN();
        assertThat(two.upper()).isNaN();
        assertThat(two.toString()).contains("gamma 1.000");
    }

    @Test
    void badArgumentsAreNamed() {
        ModelHierarchy h = constantErrors();
        NDArray x = MANAGER.get().zeros(new ai.djl.ndarray.types.Shape(5, D));
        NoiseLevel level = HierarchyFixtures.vp(0.5);
        assertThatThrownBy(() -> LevelDifferences.measure(null, List.of(new StateBatch(level, x))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hierarchy is missing");
        assertThatThrownBy(() -> LevelDifferences.measure(h, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("states = []");
        assertThatThrownBy(() -> LevelDifferences.measure(h, java.util.Arrays.asList(new StateBatch(level, x), null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("states[1] is missing");
        assertThatThrownBy(() -> LevelDifferences.measure(h, List.of(new StateBatch(level, MANAGER.get().zeros(new ai.djl.ndarray.types.Shape(5, 3))))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("states[0].x has shape (5, 3)");
        assertThatThrownBy(() -> LevelDifferences.measure(h, List.of(new StateBatch(level, x)), new double[] {0, 0.4}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("states[0].level().t() = 0.5");
        assertThatThrownBy(() -> LevelDifferences.measure(h, List.of(new StateBatch(level, x)), new double[] {0, 1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binEdges[1] = 1.0 and binEdges[2] = 1.0");
        assertThatThrownBy(() -> LevelDifferences.measure(h, List.of(new StateBatch(level, x)), new double[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("binEdges has 1 entries");
        assertThatThrownBy(() -> new StateBatch(null, x))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("level is missing");
        LevelDifferences ld = LevelDifferences.measure(h, List.of(new StateBatch(level, x)));
        assertThatThrownBy(() -> ld.delta(5)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k = 5");
        assertThatThrownBy(() -> ld.delta(1, 1)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bin = 1");
        assertThatThrownBy(() -> ld.gamma(4)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("firstLevel = 4");
        assertThatThrownBy(() -> GammaFit.fit(new double[] {1, 2, 3}, new double[] {1, 2}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("costs has 3 entries");
        assertThatThrownBy(() -> GammaFit.fit(new double[] {1, 2, 3}, new double[] {1, 0, 0.5}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("deltas[1] = 0.0 (level 2)");
        assertThatThrownBy(() -> GammaFit.fit(new double[] {1, 5, 5}, new double[] {1, 0.5, 0.2}, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not all have the same cost");
        assertThatThrownBy(() -> GammaFit.fit(new double[] {1}, new double[] {1}, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2 levels");
    }
}
