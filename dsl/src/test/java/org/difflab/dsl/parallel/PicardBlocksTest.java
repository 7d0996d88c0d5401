package org.difflab.dsl.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.DataType;
import java.util.Map;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;

/**
 * PIADM Picard blocks: with as many sweeps as points per block they are the sequential exponential integrator bit
 * for bit (SDE and ODE); fewer sweeps leave an error that falls at least geometrically with the sweeps once they
 * contract; the counters
 * give the rounds and the work; a tolerance freezes rows one by one, so samples do not depend on the batch; blocks by
 * diffusion time (PIADM's regime) keep their number, and so the rounds K N, whatever the grid's resolution.
 */
class PicardBlocksTest {
    private static final Target TARGET = Targets.ring(4, 2, 0.1);

    static double[] sample(Integrator integrator, int steps, int n, int batch) {
        try (Samples s = run(integrator, steps, n, batch)) {
            return s.tensor().toDoubleArray();
        }
    }

    static Samples run(Integrator integrator, int steps, int n, int batch) {
        return Diffusion.sampler().target(TARGET).integrator(integrator).grid(Grids.uniform(steps)).dataType(DataType.FLOAT64).seed(5)
                .batchSize(batch).sample(n);
    }

    @Test
    void asManySweepsAsPointsIsTheExponentialIntegratorBitForBit() {
        for (String lambda : new String[] {"1", "0"}) {
            double[] sequential = sample(Integrators.parse("exponentialEuler:lambda=" + lambda), 40, 32, 32);
            assertThat(sample(new PicardBlocks(8, Integer.MAX_VALUE, 0, Integer.parseInt(lambda)), 40, 32, 32)).as("lambda = " + lambda).isEqualTo(sequential);
            assertThat(sample(new PicardBlocks(6, 6, 0, Integer.parseInt(lambda)), 40, 32, 32)).as("uneven last block").isEqualTo(sequential);
        }
    }

    @Test
    void errorFallsAtLeastGeometricallyWithTheSweeps() {
        double[] sequential = sample(Integrators.parse("exponentialEuler"), 64, 64, 64);
        double[] error = new double[7];
        for (int k = 1; k <= 7; k++) {
            double[] picard = sample(new PicardBlocks(8, k, 0, 1), 64, 64, 64);
            for (int i = 0; i < picard.length; i++) {
                error[k - 1] = Math.max(error[k - 1], Math.abs(picard[i] - sequential[i]));
            }
        }
        assertThat(error[0]).isGreaterThan(1e-3);
        // the first sweeps may overshoot (blocks of 8 steps are long where the score is stiff, near t = 0); from the
        // third sweep on Picard's factorial contraction shows
        for (int k = 3; k < error.length; k++) {
            assertThat(error[k]).as("sweeps %d against %d: %s", k + 1, k, java.util.Arrays.toString(error)).isLessThan(0.5 * error[k - 1]);
        }
    }

    @Test
    void countersGiveRoundsAndWork() {
        try (Samples s = run(new PicardBlocks(10, 3, 0, 1), 40, 8, 8)) {
            Map<String, Long> c = s.counters();
            assertThat(c.get(RunContext.ROUNDS)).isEqualTo(4 * 3);
            // per block: all 10 points in the first sweep, the 9 after the fixed first point in the others
            assertThat(s.nfe()).isEqualTo(4 * (10 + 2 * 9)).isEqualTo(40 + c.get(PicardBlocks.EXTRA));
        }
    }

    @Test
    void aToleranceStopsEarlyAndSamplesDoNotDependOnTheBatch() {
        Integrator tolerant = new PicardBlocks(16, Integer.MAX_VALUE, 0.05, 1);
        double[] whole = sample(tolerant, 64, 24, 24);
        assertThat(sample(tolerant, 64, 24, 7)).isEqualTo(whole);
        try (Samples s = run(tolerant, 64, 24, 24)) {
            assertThat(s.counters().get(RunContext.ROUNDS)).isLessThan(4 * 16).isGreaterThan(4);
        }
        double[] sequential = sample(Integrators.parse("exponentialEuler"), 64, 24, 24);
        double worst = 0;
        for (int i = 0; i < whole.length; i++) {
            worst = Math.max(worst, Math.abs(whole[i] - sequential[i]));
        }
        assertThat(worst).isGreaterThan(0).isLessThan(0.05);
    }

    @Test
    void blocksByDiffusionTimeKeepTheirNumberWhateverTheResolution() {
        NoiseSchedule schedule = Schedules.ddpm();
        double horizon = -Math.log(schedule.alpha(schedule.tMax()));
        double[] sequential = sample(Integrators.parse("exponentialEuler"), 40, 16, 16);
        assertThat(sample(Integrators.parse("picardBlocks:length=1,sweeps=40"), 40, 16, 16)).as("K = every point").isEqualTo(sequential);
        for (int steps : new int[] {50, 200}) {
            try (Samples s = run(Integrators.parse("picardBlocks:length=1,sweeps=3"), steps, 4, 4)) {
                long rounds = s.counters().get(RunContext.ROUNDS);
                // each block spans at most 1 in OU time and two neighbours more than 1: horizon <= N < 2 horizon + 1
                assertThat(rounds % 3).as("rounds, %d steps", steps).isZero();
                assertThat(rounds / 3).as("blocks, %d steps, horizon %.2f", steps, horizon).isBetween((long) Math.floor(horizon),
                        (long) Math.ceil(2 * horizon + 1));
            }
        }
        assertThat(Integrators.parse("picardBlocks:length=0.5,sweeps=4,lambda=0").spec()).isEqualTo("picardBlocks:length=0.5,sweeps=4,lambda=0.0");
    }

    @Test
    void badLengthSpecsAreNamed() {
        assertThatThrownBy(() -> Integrators.parse("picardBlocks:length=0,sweeps=3")).hasMessageContaining("length = 0 ");
        assertThatThrownBy(() -> Integrators.parse("picardBlocks:length=1")).hasMessageContaining("sweeps = inf");
        assertThatThrownBy(() -> Integrators.parse("picardBlocks:length=1,sweeps=0")).hasMessageContaining("sweeps = 0");
        assertThatThrownBy(() -> Integrators.parse("picardBlocks:length=1,sweeps=3,points=8")).hasMessageContaining("points = 8");
        assertThatThrownBy(() -> Integrators.parse("picardBlocks:length=1,sweeps=3,tol=0.01")).hasMessageContaining("tol = 0.01");
        assertThatThrownBy(() -> PicardBlocks.byLength(Double.NaN, 3, 1)).hasMessageContaining("length = NaN");
    }

    @Test
    void badSpecsAreNamed() {
        assertThatThrownBy(() -> new PicardBlocks(0, 1, 0, 1)).hasMessageContaining("points = 0");
        assertThatThrownBy(() -> new PicardBlocks(8, 0, 0, 1)).hasMessageContaining("sweeps = 0");
        assertThatThrownBy(() -> new PicardBlocks(8, 1, -1, 1)).hasMessageContaining("tol = -1");
    }
}
