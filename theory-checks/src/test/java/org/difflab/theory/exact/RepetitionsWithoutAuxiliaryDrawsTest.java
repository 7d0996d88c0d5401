package org.difflab.theory.exact;

import static org.assertj.core.api.Assertions.assertThat;

import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.theory.metric.DiagonalGaussian;
import org.junit.jupiter.api.Test;

/**
 * A run without auxiliary draws (DDPM: Gaussian draws only) is evaluated once and its law repeated for every
 * repetition, bit for bit what a separate evaluation gives; a run with auxiliary draws still gets one component per
 * auxiliary seed (CollapsedProbeTest checks each against the full probe).
 */
class RepetitionsWithoutAuxiliaryDrawsTest {
    private static final Gaussian TARGET = Gaussian.diagonal(new double[] {1, -0.5}, new double[] {0.05, 2});
    private static final TimeGrid GRID = Grids.uniform(20).on(Schedules.parse("linear:T=1000"));

    @Test
    void everyRepetitionOfARunWithoutAuxiliaryDrawsHasTheBitsOfOneEvaluation() {
        ExactLaw once = ExactEvaluator.of(Integrators.parse("ddpm")).target(TARGET).grid(GRID).auxSeed(3).evaluate();
        ExactLaw four = ExactEvaluator.of(Integrators.parse("ddpm")).target(TARGET).grid(GRID).auxSeed(3).repetitions(4).evaluate();
        assertThat(four.components()).hasSize(4);
        for (DiagonalGaussian c : four.components()) {
            assertThat(c.mean()).containsExactly(once.components().get(0).mean());
            assertThat(c.variance()).containsExactly(once.components().get(0).variance());
        }
    }

    @Test
    void aRunWithAuxiliaryDrawsGetsOneComponentPerSeed() {
        ExactLaw law = ExactEvaluator.of(DdpmVariant.randomSplit()).target(TARGET).grid(GRID).auxSeed(3).repetitions(2).evaluate();
        assertThat(law.components().get(0).variance()).isNotEqualTo(law.components().get(1).variance());
    }
}
