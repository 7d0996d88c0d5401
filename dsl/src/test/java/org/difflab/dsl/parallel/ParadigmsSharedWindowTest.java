package org.difflab.dsl.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.sampler.Samples;
import org.junit.jupiter.api.Test;

/**
 * ParaDiGMS with the official code's batch-shared window ({@code share=batch}): the same fixed point at tol = 0, and
 * at the paper's tol the batch needs at least the rounds of its slowest sample (the per-sample runs' maximum) and
 * spends at least their evaluations; a multistep sampler and an unknown share are refused by name.
 */
class ParadigmsSharedWindowTest {

    @Test
    void zeroToleranceIsStillTheWrappedSampler() {
        double[] sequential = PicardBlocksTest.sample(Integrators.parse("ddim"), 30, 6, 6);
        double[] shared = PicardBlocksTest.sample(Integrators.parse("paradigms:sampler=ddim,window=5,tol=0,share=batch"), 30, 6, 6);
        for (int i = 0; i < shared.length; i++) {
            assertThat(Math.abs(shared[i] - sequential[i])).isLessThan(1e-12);
        }
    }

    @Test
    void theBatchSlidesByItsSlowestSample() {
        int steps = 200;
        int rows = 8;
        try (Samples own = PicardBlocksTest.run(Integrators.paradigms("ddpm", 16, 0.1), steps, rows, rows);
                Samples shared = PicardBlocksTest.run(Integrators.paradigms("ddpm", 16, 0.1, true), steps, rows, rows)) {
            long ownRounds = own.counters().get(RunContext.ROUNDS);
            long sharedRounds = shared.counters().get(RunContext.ROUNDS);
            System.out.printf("ddpm-200, window 16, tol 0.1, 8 samples: rounds %d per-sample, %d shared; evaluations %d, %d%n", ownRounds,
                    sharedRounds, own.counters().get(Paradigms.EVALUATIONS), shared.counters().get(Paradigms.EVALUATIONS));
            assertThat(sharedRounds).isGreaterThanOrEqualTo(ownRounds).isLessThan(steps);
            assertThat(shared.counters().get(Paradigms.EVALUATIONS)).isGreaterThanOrEqualTo(own.counters().get(Paradigms.EVALUATIONS));
        }
        assertThat(Integrators.parse("paradigms:window=48,share=batch").spec()).isEqualTo("paradigms:sampler=ddpm:variance=large,window=48,tol=0.1,share=batch");
        assertThatThrownBy(() -> Integrators.parse("paradigms:sampler=dpmSolverPP2M,share=batch")).hasMessageContaining("share = batch")
                .hasMessageContaining("one-step sampler");
        assertThatThrownBy(() -> Integrators.parse("paradigms:share=all")).hasMessageContaining("share").hasMessageContaining("all")
                .hasMessageContaining("sample (one window per sample) or batch");
    }
}
