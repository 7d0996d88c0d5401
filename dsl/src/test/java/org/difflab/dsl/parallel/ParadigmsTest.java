package org.difflab.dsl.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.sampler.Samples;
import org.junit.jupiter.api.Test;

/**
 * ParaDiGMS: with tol = 0 it is the wrapped sampler (to rounding: prefix sums add the increments in another order),
 * for DDPM, DDIM and the multistep DPM-Solver++(2M); with the paper's tol = 0.1 it needs a fraction of the rounds at
 * more evaluations and stays within the tolerance's reach of the sequential output; samples do not depend on the
 * batch.
 */
class ParadigmsTest {

    private static double maxGap(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]));
        }
        return worst;
    }

    @Test
    void zeroToleranceIsTheWrappedSampler() {
        for (String sampler : new String[] {"ddpm", "ddim", "dpmSolverPP2M", "eulerMaruyama", "exponentialEuler"}) {
            double[] sequential = PicardBlocksTest.sample(Integrators.parse(sampler), 30, 6, 6);
            double[] parallel = PicardBlocksTest.sample(Integrators.paradigms(sampler, 5, 0), 30, 6, 6);
            assertThat(maxGap(parallel, sequential)).as(sampler).isLessThan(1e-12);
        }
    }

    @Test
    void thePapersToleranceSavesRoundsAtMoreEvaluations() {
        int steps = 200;
        int rows = 8;
        double[] sequential = PicardBlocksTest.sample(Integrators.parse("ddpm"), steps, rows, rows);
        try (Samples s = PicardBlocksTest.run(Integrators.paradigms("ddpm", 16, 0.1), steps, rows, rows)) {
            long rounds = s.counters().get(RunContext.ROUNDS);
            double perSample = s.counters().get(Paradigms.EVALUATIONS) / (double) rows;
            assertThat(rounds).isLessThan(steps / 2);
            assertThat(perSample).isGreaterThan(steps).isLessThan(16.0 * steps);
            assertThat(s.nfe()).isEqualTo(steps + s.counters().get(Paradigms.EXTRA));
            assertThat(maxGap(s.tensor().toDoubleArray(), sequential)).isLessThan(0.1);
        }
    }

    /** Each sample slides its own window, so batching does not change a bit, multistep samplers included. */
    @Test
    void samplesDoNotDependOnTheBatch() {
        for (String sampler : new String[] {"ddpm", "ddim", "dpmSolverPP2M"}) {
            assertThat(PicardBlocksTest.sample(Integrators.paradigms(sampler, 16, 0.1), 200, 8, 3)).as(sampler)
                    .isEqualTo(PicardBlocksTest.sample(Integrators.paradigms(sampler, 16, 0.1), 200, 8, 8));
        }
    }

    @Test
    void badSpecsAreNamed() {
        assertThatThrownBy(() -> Integrators.paradigms("heun", 8, 0.1)).hasMessageContaining("sampler = heun").hasMessageContaining("step without noise");
        assertThatThrownBy(() -> Integrators.paradigms("ddpm", 0, 0.1)).hasMessageContaining("window = 0");
    }
}
