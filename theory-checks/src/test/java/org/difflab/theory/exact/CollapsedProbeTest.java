package org.difflab.theory.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.model.PerturbedScore;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.theory.metric.DiagonalGaussian;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The collapsed probe rows of {@link ProbeNoise} give the same law as the full probe (one row per draw, the
 * {@link FullProbe} oracle) to ~1e-12, for every registered integrator (momentumStochastic without clipping), from
 * the prior and from the exact initial law, with an affinely perturbed score, and for an integrator with auxiliary
 * draws (one mixture component per auxiliary seed).
 */
class CollapsedProbeTest {
    private static final Gaussian TARGET = Gaussian.diagonal(new double[] {1, -0.5, 0.2}, new double[] {0.05, 0.5, 2});
    private static final NoiseSchedule SCHEDULE = Schedules.parse("linear:T=1000");
    private static final int STEPS = 40;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Integrator integrator : Integrators.all()) {
            Integrator evaluable = Evaluable.of(integrator);
            for (Init init : Init.values()) {
                out.add(Arguments.of(Named.of(evaluable.spec(), evaluable), init));
            }
        }
        out.add(Arguments.of(Named.of("acceleratedOde:form=theory", Integrators.parse("acceleratedOde:form=theory")), Init.EXACT));
        out.add(Arguments.of(Named.of("acceleratedOde:form=practical", Integrators.parse("acceleratedOde:form=practical")), Init.EXACT));
        out.add(Arguments.of(Named.of("randomSplitDdpm", DdpmVariant.randomSplit()), Init.PRIOR));
        out.add(Arguments.of(Named.of("paradigms:sampler=ddpm,window=4,tol=0", Integrators.paradigms("ddpm", 4, 0)), Init.EXACT));
        return out.stream();
    }

    @ParameterizedTest(name = "{0} from {1}")
    @MethodSource("cases")
    void collapsedAgreesWithFullProbe(Integrator integrator, Init init) {
        check(integrator, init, UnaryOperator.identity(), 3);
    }

    @Test
    void perturbedScoreAgrees() {
        check(Integrators.parse("momentumStochastic:clip=inf"), Init.PRIOR, s -> new PerturbedScore(s, 0.1, PerturbedScore.ErrorShape.CONSTANT, 1), 1);
        check(Integrators.dpmSolverPP2MSde(), Init.EXACT, s -> new PerturbedScore(s, 0.1, PerturbedScore.ErrorShape.RELATIVE, 1), 1);
    }

    private static void check(Integrator integrator, Init init, UnaryOperator<ScoreModel> model, int repetitions) {
        TimeGrid grid = Grids.uniform(STEPS).on(SCHEDULE);
        ExactLaw law = ExactEvaluator.of(integrator).target(TARGET).grid(grid).init(init).model(model).repetitions(repetitions)
                .auxSeed(11).evaluate();
        for (int r = 0; r < repetitions; r++) {
            DiagonalGaussian full = FullProbe.law(integrator, TARGET, grid, init, model, 4 * law.draws() + 16, 11 + r);
            DiagonalGaussian collapsed = law.components().get(r);
            for (int j = 0; j < TARGET.dim(); j++) {
                assertThat(collapsed.mean(j)).as("mean[%d] of component %d", j, r).isCloseTo(full.mean(j), within(1e-12 * Math.max(1, Math.abs(full.mean(j)))));
                assertThat(collapsed.variance(j)).as("variance[%d] of component %d", j, r).isCloseTo(full.variance(j), within(1e-12 * full.variance(j)));
            }
        }
    }

    @Test
    void clippingIntegratorIsRefused() {
        assertThatThrownBy(() -> ExactEvaluator.of(Integrators.parse("momentumStochastic")).target(TARGET).schedule(SCHEDULE)
                .grid(Grids.uniform(STEPS)).evaluate())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("momentumStochastic:clip=1.0").hasMessageContaining("clip=inf");
    }

    @Test
    void toleranceStoppedRunsAreRefused() {
        for (Integrator integrator : new Integrator[] {Integrators.parse("picardBlocks:tol=0.01"), Integrators.paradigms("ddpm", 16, 0.1)}) {
            assertThatThrownBy(() -> ExactEvaluator.of(integrator).target(TARGET).schedule(SCHEDULE).grid(Grids.uniform(STEPS)).evaluate())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(integrator.spec()).hasMessageContaining("tol=0");
        }
    }
}
