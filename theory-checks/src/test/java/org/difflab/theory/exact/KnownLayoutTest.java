package org.difflab.theory.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.theory.metric.DiagonalGaussian;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An exact evaluation that skips its counting pass because an earlier one recorded the run's layout
 * ({@link KnownLayouts}) computes the bits of one with its own counting pass: for every registered integrator the
 * recorded layout is followed to the end (the run draws and keeps what it recorded) and gives the same rows, and a
 * layout that is wrong in any way the probe pass depends on is detected and replaced by a counting pass.
 */
class KnownLayoutTest {
    private static final Gaussian TARGET = Gaussian.diagonal(new double[] {1, -0.5}, new double[] {0.05, 2});
    private static final TimeGrid GRID = Grids.uniform(6).on(Schedules.parse("linear:T=1000"));
    private static final TimeGrid LONGER = Grids.uniform(9).on(Schedules.parse("linear:T=1000"));

    @AfterEach
    void forget() {
        KnownLayouts.clear();
    }

    static Stream<Named<Integrator>> integrators() {
        return Stream.concat(Integrators.all().stream().map(Evaluable::of), Stream.of(DdpmVariant.randomSplit()))
                .map(i -> Named.of(i.spec(), i));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void theRecordedLayoutIsFollowedAndGivesTheCountedRows(Integrator integrator) {
        KnownLayouts.clear();
        ExactEvaluator.ProbeRows counted = evaluator(integrator).probeRows();
        ProbeLayout recorded = KnownLayouts.guess(key(integrator)).layout();

        ExactEvaluator.ProbeRows followed = evaluator(integrator).probeRows();
        assertThat(KnownLayouts.guess(key(integrator))).as("the run followed the recorded layout to its end")
                .isEqualTo(new KnownLayouts.Guess(recorded, KnownLayouts.Source.RECORDED));
        assertThat(followed.values()).containsExactly(counted.values());
        assertThat(followed.rows()).isEqualTo(counted.rows()).isEqualTo(recorded.rows());
        assertThat(followed.draws()).isEqualTo(counted.draws()).isEqualTo(recorded.ends()[recorded.stepEnds()]);
    }

    /**
     * A layout stretched from 6 steps to 9 is the one a counting pass of 9 steps records wherever the guess is made and
     * not refused (made for every integrator whose step ends once per step, and refused for none but edmStochastic,
     * which adds noise only inside a time window, and poissonMidpoint, whose draws follow its random selections), and
     * gives the counted rows either way.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("integrators")
    void aStretchedLayoutIsRightOrRefused(Integrator integrator) {
        KnownLayouts.clear();
        ExactEvaluator.ProbeRows counted = ExactEvaluator.of(integrator).target(TARGET).grid(LONGER).init(Init.EXACT).probeRows();
        ProbeLayout truth = KnownLayouts.guess(new KnownLayouts.Key(integrator.spec(), LONGER.steps(), false)).layout();

        KnownLayouts.clear();
        evaluator(integrator).probeRows();
        boolean oneEndPerStep = KnownLayouts.guess(key(integrator)).layout().stepEnds() == GRID.steps();
        KnownLayouts.Key longer = new KnownLayouts.Key(integrator.spec(), LONGER.steps(), false);
        KnownLayouts.Guess guess = KnownLayouts.guess(longer);
        ExactEvaluator.ProbeRows rows = ExactEvaluator.of(integrator).target(TARGET).grid(LONGER).init(Init.EXACT).probeRows();
        assertThat(rows.values()).containsExactly(counted.values());
        boolean refused = guess != null && KnownLayouts.guess(new KnownLayouts.Key(integrator.spec(), 12, false)) == null;
        if (guess != null && !refused) {
            assertThat(guess.source()).isEqualTo(KnownLayouts.Source.STRETCHED);
            assertThat(guess.layout()).isEqualTo(truth);
        }
        assertThat(guess != null).as("a guess is made").isEqualTo(oneEndPerStep);
        if (!integrator.name().equals("edmStochastic") && !integrator.name().equals("poissonMidpoint")) {
            assertThat(refused).as("the guess was refused").isFalse();
        }
    }

    /** picardBlocks with another sweep count on as many steps follows the recorded layout, with the counted bits. */
    @Test
    void anotherSweepCountFollowsTheLayoutOfTheSameName() {
        Integrator four = Integrators.parse("picardBlocks:points=4,sweeps=4,tol=0");
        Integrator two = Integrators.parse("picardBlocks:points=4,sweeps=2,tol=0");
        ExactEvaluator.ProbeRows counted = evaluator(two).probeRows();
        KnownLayouts.clear();
        evaluator(four).probeRows();
        KnownLayouts.Guess guess = KnownLayouts.guess(key(two));
        ExactEvaluator.ProbeRows followed = evaluator(two).probeRows();
        assertThat(guess.source()).isEqualTo(KnownLayouts.Source.SAME_NAME);
        assertThat(KnownLayouts.guess(key(Integrators.parse("picardBlocks:points=4,sweeps=3,tol=0")))).as("not refused").isEqualTo(guess);
        assertThat(followed.values()).containsExactly(counted.values());
    }

    @Test
    void everyWrongLayoutIsDetectedAndCounted() {
        Integrator ddpm = Integrators.parse("ddpm");
        ExactEvaluator.ProbeRows counted = evaluator(ddpm).probeRows();
        ProbeLayout right = KnownLayouts.guess(key(ddpm)).layout();
        int[] s = right.segments();
        ProbeLayout[] wrong = {
            new ProbeLayout(s, right.kept() + 1), // one more row: different collapses
            new ProbeLayout(s, right.kept() - 1),
            new ProbeLayout(changed(s, 1, +1), right.kept()), // a draw too many in a step
            new ProbeLayout(changed(s, 1, -1), right.kept()),
            new ProbeLayout(changed(s, s.length - 1, +1), right.kept()), // a draw after the last step end
            new ProbeLayout(Arrays.copyOf(s, s.length + 1), right.kept()), // a step end too many
            new ProbeLayout(Arrays.copyOf(s, s.length - 1), right.kept()),
        };
        for (ProbeLayout layout : wrong) {
            KnownLayouts.clear();
            KnownLayouts.record(key(ddpm), layout);
            ExactEvaluator.ProbeRows rows = evaluator(ddpm).probeRows();
            assertThat(KnownLayouts.guess(key(ddpm))).as("no more guesses after %s", layout).isNull();
            assertThat(KnownLayouts.guess(new KnownLayouts.Key(ddpm.spec(), 7, false))).as("stretched guesses go on").isNotNull();
            assertThat(rows.values()).as("rows after %s", layout).containsExactly(counted.values());
        }
    }

    @Test
    void repetitionsWithAuxiliaryDrawsHaveTheBitsOfSeparateCountedEvaluations() {
        Integrator split = DdpmVariant.randomSplit();
        ExactLaw three = evaluator(split).auxSeed(5).repetitions(3).evaluate();
        for (int r = 0; r < 3; r++) {
            KnownLayouts.clear();
            DiagonalGaussian alone = evaluator(split).auxSeed(5 + r).evaluate().components().get(0);
            assertThat(three.components().get(r).mean()).containsExactly(alone.mean());
            assertThat(three.components().get(r).variance()).containsExactly(alone.variance());
        }
    }

    private static ExactEvaluator evaluator(Integrator integrator) {
        return ExactEvaluator.of(integrator).target(TARGET).grid(GRID).init(Init.EXACT);
    }

    private static KnownLayouts.Key key(Integrator integrator) {
        return new KnownLayouts.Key(integrator.spec(), GRID.steps(), false);
    }

    private static int[] changed(int[] segments, int e, int by) {
        int[] out = segments.clone();
        out[e] += by;
        return out;
    }
}
