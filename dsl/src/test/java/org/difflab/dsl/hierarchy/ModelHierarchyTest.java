package org.difflab.dsl.hierarchy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;
import org.difflab.dsl.model.ExactScore;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.model.PerturbedScore;
import org.difflab.dsl.model.PerturbedScore.ErrorShape;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.difflab.dsl.testing.FunctionModel;
import org.difflab.dsl.testing.ManagerPerTestClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ModelHierarchyTest {
    private static final int D = 3;
    private static final NoiseLevel LEVEL = new NoiseLevel(0.5, 0.8, 0.6);
    private static final ScoreModel EXACT = Targets.gaussian(D, 1, 0.3).exactScore();
    @RegisterExtension
    static final ManagerPerTestClass MANAGER = new ManagerPerTestClass();

    private static List<ScoreModel> models() {
        return List.of(new PerturbedScore(EXACT, 0.4, ErrorShape.CONSTANT, 1), new PerturbedScore(EXACT, 0.1, ErrorShape.CONSTANT, 1), EXACT);
    }

    private static NDArray x() {
        return MANAGER.get().create(new double[][] {{0.3, -1, 2}, {1, 1, 1}, {-0.5, 0.2, 0}});
    }

    @Test
    void levelsAreNumberedFromOneWithTheirCosts() {
        List<ScoreModel> m = models();
        ModelHierarchy h = ModelHierarchy.of(m, new double[] {1, 4, 16});
        assertThat(h.size()).isEqualTo(3);
        assertThat(h.model(1)).isSameAs(m.get(0));
        assertThat(h.model(3)).isSameAs(m.get(2));
        assertThat(h.top()).isSameAs(EXACT);
        assertThat(h.cost(2)).isEqualTo(4);
        assertThat(h.level(2)).isEqualTo(new Level(m.get(1), 4));
        assertThat(h.costs()).containsExactly(1, 4, 16);
        assertThat(h.models()).containsExactlyElementsOf(m);
        assertThat(h.eventShape()).isEqualTo(new Shape(D));
        assertThat(h.describe()).contains("hierarchy of 3 levels", "[1] exact score of gaussian:d=3", "constant error of size 0.4",
                "(cost 16.0)");
        double[] costs = h.costs();
        costs[0] = 99;
        assertThat(h.cost(1)).isEqualTo(1); // costs() is a copy
    }

    // Delta_1 = s^1, Delta_k = s^k - s^{k-1}; here s^k = s + size_k u, so Delta_2 = (0.1 - 0.4) u and
    // Delta_3 = -0.1 u, with ||u|| = 1.
    // With a base s^0 (the exact part), Delta_1 = s^1 - s^0 and the higher differences are unchanged; the base
    // survives withDifferences and withMeasuredCosts, and must have the levels' event shape.
    @Test
    void baseIsLevelZero() {
        ScoreModel exact = new ExactScore(Gaussian.isotropic(D, 0.5, 2));
        ModelHierarchy plain = ModelHierarchy.of(models(), new double[] {1, 4, 16});
        ModelHierarchy h = plain.withBase(exact).withDifferences(new double[] {0.4, 0.3, 0.1});
        NDArray x = x();
        assertThat(h.base()).containsSame(exact);
        assertThat(plain.base()).isEmpty();
        assertThat(h.score(0, x, LEVEL).toDoubleArray()).containsExactly(exact.predict(x, LEVEL).toDoubleArray());
        assertThat(h.difference(1, x, LEVEL).toDoubleArray())
                .containsExactly(h.score(1, x, LEVEL).sub(exact.predict(x, LEVEL)).toDoubleArray());
        assertThat(h.difference(2, x, LEVEL).toDoubleArray()).containsExactly(plain.difference(2, x, LEVEL).toDoubleArray());
        assertThat(h.withMeasuredCosts(x, LEVEL, 0, 1).base()).containsSame(exact);
        assertThat(h.withMeasuredCosts(x, LEVEL, 0, 1).differences()).isPresent();
        assertThat(h.describe()).contains("[0] base exact score");
        assertThatThrownBy(() -> plain.withBase(new ExactScore(Gaussian.isotropic(D + 1, 0, 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("base has event shape (4)").hasMessageContaining("must be (3)");
    }

    @Test
    void differencesTelescopeToTheTopLevel() {
        ModelHierarchy h = ModelHierarchy.of(models(), new double[] {1, 4, 16});
        NDArray x = x();
        double[] s1 = h.model(1).predict(x, LEVEL).toDoubleArray();
        assertThat(h.difference(1, x, LEVEL).toDoubleArray()).containsExactly(s1);
        assertThat(h.score(0, x, LEVEL).toDoubleArray()).containsOnly(0.0);
        double[] d2 = h.difference(2, x, LEVEL).toDoubleArray();
        double[] d3 = h.difference(3, x, LEVEL).toDoubleArray();
        double n2 = Math.sqrt(d2[0] * d2[0] + d2[1] * d2[1] + d2[2] * d2[2]);
        double n3 = Math.sqrt(d3[0] * d3[0] + d3[1] * d3[1] + d3[2] * d3[2]);
        assertThat(n2).isCloseTo(0.3, within(1e-12));
        assertThat(n3).isCloseTo(0.1, within(1e-12));
        NDArray sum = h.difference(1, x, LEVEL).add(h.difference(2, x, LEVEL)).add(h.difference(3, x, LEVEL));
        double[] top = EXACT.predict(x, LEVEL).toDoubleArray();
        double[] telescoped = sum.toDoubleArray();
        for (int i = 0; i < top.length; i++) {
            assertThat(telescoped[i]).isCloseTo(top[i], within(1e-12));
        }
    }

    // A level predicting eps is converted to a score before differencing.
    @Test
    void differencesAreTakenInScoreSpace() {
        ScoreModel eps = new FunctionModel(Parameterization.EPS, EXACT.eventShape(), (x, level) -> EXACT.predict(x, level).mul(-level.sigma()));
        ModelHierarchy h = ModelHierarchy.of(List.of(eps, EXACT), new double[] {1, 2});
        NDArray x = x();
        double[] d2 = h.difference(2, x, LEVEL).toDoubleArray();
        for (double v : d2) {
            assertThat(v).isCloseTo(0, within(1e-12));
        }
        double[] s1 = h.score(1, x, LEVEL).toDoubleArray();
        double[] exact = EXACT.predict(x, LEVEL).toDoubleArray();
        for (int i = 0; i < s1.length; i++) {
            assertThat(s1[i]).isCloseTo(exact[i], within(1e-12));
        }
    }

    // Measured costs: mean seconds per batch evaluation, > 0 and finite (no timing ratios asserted: the machine is shared).
    @Test
    void measuredCostsArePositiveSeconds() {
        NDArray x = MANAGER.get().ones(new Shape(64, D));
        ModelHierarchy h = ModelHierarchy.measured(models(), x, LEVEL, 2, 5);
        assertThat(h.size()).isEqualTo(3);
        for (int k = 1; k <= 3; k++) {
            assertThat(h.cost(k)).isPositive().isLessThan(10);
        }
        ModelHierarchy again = ModelHierarchy.of(models(), new double[] {1, 2, 3}).withMeasuredCosts(x, LEVEL, 0, 1);
        assertThat(again.models()).hasSize(3);
        assertThat(Arrays.stream(again.costs()).allMatch(c -> c > 0 && c != 1 && c != 2 && c != 3)).isTrue();
        assertThatThrownBy(() -> CostMeter.meanSeconds(EXACT, x, LEVEL, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("repeats = 0");
        assertThatThrownBy(() -> CostMeter.meanSeconds(EXACT, x, LEVEL, -1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("warmup = -1");
    }

    @Test
    void badArgumentsAreNamed() {
        assertThatThrownBy(() -> ModelHierarchy.of(models(), new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("costs has 2 entries").hasMessageContaining("must be 3");
        assertThatThrownBy(() -> ModelHierarchy.of(models(), new double[] {1, 0, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("costs[1] = 0.0");
        assertThatThrownBy(() -> ModelHierarchy.of(models(), new double[] {1, Double.NaN, 3}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("costs[1] = NaN");
        assertThatThrownBy(() -> ModelHierarchy.of(models(), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("costs is missing");
        assertThatThrownBy(() -> ModelHierarchy.of(null, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("models is missing");
        assertThatThrownBy(() -> ModelHierarchy.of(Arrays.asList(EXACT, null), new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("models[1] is missing");
        assertThatThrownBy(() -> ModelHierarchy.of(List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("levels = []");
        assertThatThrownBy(() -> new Level(null, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model is missing");
        assertThatThrownBy(() -> new Level(EXACT, -2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cost = -2.0");
        assertThatThrownBy(() -> ModelHierarchy.of(List.of(EXACT, Targets.gaussian(4).exactScore()), new double[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("levels[1] has event shape (4)");
        ModelHierarchy h = ModelHierarchy.of(models(), new double[] {1, 4, 16});
        assertThatThrownBy(() -> h.level(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k = 0").hasMessageContaining("[1, 3]");
        assertThatThrownBy(() -> h.cost(4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k = 4");
        assertThatThrownBy(() -> h.difference(0, x(), LEVEL))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("k = 0");
    }
}
