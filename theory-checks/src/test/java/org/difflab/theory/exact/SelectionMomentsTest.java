package org.difflab.theory.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.theory.metric.DiagonalGaussian;
import org.junit.jupiter.api.Test;

/**
 * The exact average over the Poisson midpoint method's Bernoulli selections agrees with the Monte Carlo average over
 * many selection draws (each draw's law exact), within its standard error, and is what the budget claims judge.
 */
class SelectionMomentsTest {
    private static final Gaussian DATA = Gaussian.diagonal(new double[] {0.5, -1}, new double[] {0.3, 2});

    @Test
    void exactAverageMatchesTheMonteCarloAverageOverSelections() {
        Integrator pmm = Integrators.parse("poissonMidpoint");
        TimeGrid grid = Grids.power(5, 1).on(Schedules.parse("linear:T=100"));
        DiagonalGaussian exact = SelectionMoments.of(pmm, DATA, grid, Init.PRIOR);
        ExactLaw law = ExactEvaluator.of(pmm).target(DATA).grid(grid).init(Init.PRIOR).repetitions(300).auxSeed(5).evaluate();
        List<DiagonalGaussian> comps = law.components();
        for (int j = 0; j < 2; j++) {
            double[] second = new double[comps.size()];
            double mean = 0;
            for (int r = 0; r < comps.size(); r++) {
                second[r] = comps.get(r).variance(j) + comps.get(r).mean(j) * comps.get(r).mean(j);
                mean += second[r] / comps.size();
            }
            double var = 0;
            for (double s : second) {
                var += (s - mean) * (s - mean) / (comps.size() - 1);
            }
            double se = Math.sqrt(var / comps.size());
            double exactSecond = exact.variance(j) + exact.mean(j) * exact.mean(j);
            System.out.printf("coordinate %d: exact E[x^2] %.6f, Monte Carlo %.6f +- %.6f%n", j, exactSecond, mean, se);
            assertThat(se).as("the selections do move the second moment").isGreaterThan(1e-6);
            assertThat(Math.abs(exactSecond - mean)).isLessThan(4 * se);
            assertThat(exact.mean(j)).isCloseTo(law.momentMatched().mean(j), org.assertj.core.api.Assertions.within(8 * se));
        }
    }

    @Test
    void withoutSelectionsItIsTheExactLaw() {
        Integrator pmm = Integrators.parse("poissonMidpoint:lambda=1000");
        TimeGrid grid = Grids.power(4, 1).on(Schedules.parse("linear:T=40"));
        DiagonalGaussian exact = SelectionMoments.of(pmm, DATA, grid, Init.PRIOR);
        DiagonalGaussian law = ExactEvaluator.of(pmm).target(DATA).grid(grid).init(Init.PRIOR).evaluate().momentMatched();
        for (int j = 0; j < 2; j++) {
            assertThat(exact.variance(j)).as("every index selected with weight 1: no randomness left").isCloseTo(law.variance(j),
                    org.assertj.core.api.Assertions.within(1e-10));
            assertThat(exact.mean(j)).isCloseTo(law.mean(j), org.assertj.core.api.Assertions.within(1e-10));
        }
    }

    @Test
    void aScoreWithAControlledErrorReachesEveryProbe() {
        Integrator pmm = Integrators.parse("poissonMidpoint:lambda=1000");
        TimeGrid grid = Grids.power(4, 1).on(Schedules.parse("linear:T=40"));
        java.util.function.UnaryOperator<org.difflab.dsl.model.ScoreModel> scaled =
                m -> new org.difflab.dsl.model.PerturbedScore(m, 0.2, org.difflab.dsl.model.PerturbedScore.ErrorShape.RELATIVE, 1);
        DiagonalGaussian exact = SelectionMoments.of(pmm, DATA, grid, Init.PRIOR, scaled);
        DiagonalGaussian law = ExactEvaluator.of(pmm).target(DATA).grid(grid).model(scaled).init(Init.PRIOR).evaluate().momentMatched();
        DiagonalGaussian unperturbed = SelectionMoments.of(pmm, DATA, grid, Init.PRIOR);
        for (int j = 0; j < 2; j++) {
            assertThat(exact.variance(j)).isCloseTo(law.variance(j), org.assertj.core.api.Assertions.within(1e-10));
            assertThat(exact.mean(j)).isCloseTo(law.mean(j), org.assertj.core.api.Assertions.within(1e-10));
            assertThat(Math.abs(exact.mean(j) - unperturbed.mean(j))).as("the error moved the output").isGreaterThan(1e-3);
        }
    }

    @Test
    void refusesSamplersWithoutASelectionLaw() {
        TimeGrid grid = Grids.power(4, 1).on(Schedules.parse("linear:T=40"));
        assertThatThrownBy(() -> SelectionMoments.of(Integrators.parse("poissonMidpoint:select=one"), DATA, grid, Init.PRIOR))
                .hasMessageContaining("integrator = poissonMidpoint").hasMessageContaining("declares no selection law");
        assertThatThrownBy(() -> SelectionMoments.of(Integrators.parse("poissonMidpoint@gates=2"), DATA, grid, Init.PRIOR))
                .hasMessageContaining("declares no selection law");
    }
}
