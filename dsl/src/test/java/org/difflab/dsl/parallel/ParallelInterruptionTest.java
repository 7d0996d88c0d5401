package org.difflab.dsl.parallel;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.Solve;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.observe.InterruptAfterDelay;
import org.difflab.dsl.observe.RunInterruptedException;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C inside a parallel-in-time run (issue 26): ParaDiGMS looks at the interrupt flag before every round and while it
 * draws a run's noise, PIADM Picard blocks before every sweep, so an interrupt from another thread stops a run whose only
 * step end is its last (one window sliding over a million steps, one block of thousands of sweeps) long before it
 * ends, names the loop, consumes the flag and leaves no tensor behind.
 */
class ParallelInterruptionTest {
    private static final DiffusionProblem PROBLEM = new DiffusionProblem(Schedules.vp(), Targets.gaussian(2, 0.5, 0.3).exactScore());

    /** Runs {@code integrator} on another thread, interrupts it 300 ms after it started, and returns what it threw. */
    private static RunInterruptedException interruptedRun(Integrator integrator, int steps) throws InterruptedException {
        TimeGrid grid = Grids.uniform(steps).on(PROBLEM.schedule());
        try (NDManager warm = NDManager.newBaseManager()) { // the engine loads here, not in the 300 ms before the interrupt
            warm.zeros(PROBLEM.model().eventShape()).close();
        }
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicInteger leftAlive = new AtomicInteger(-1);
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        InterruptAfterDelay.run(() -> {
            try (NDManager manager = NDManager.newBaseManager()) {
                NoiseStream noise = NoiseSources.perSample(1).open(0, 16);
                NDArray x = noise.normal(manager, PROBLEM.model().eventShape(), DataType.FLOAT32);
                int live = manager.getManagedArrays().size();
                try {
                    Solve.run(integrator, PROBLEM, grid, noise, List.of(), x).x().close();
                } catch (RuntimeException e) {
                    thrown.set(e);
                }
                flagAfter.set(Thread.currentThread().isInterrupted());
                leftAlive.set(manager.getManagedArrays().size() - (live - 1));
            }
        }, 300); // uninterrupted, these runs take many minutes
        assertThat(thrown.get()).as("what the run threw").isInstanceOf(RunInterruptedException.class);
        assertThat(flagAfter.get()).as("the flag is consumed").isFalse();
        assertThat(leftAlive.get()).as("tensors left alive by the interrupted run").isZero();
        return (RunInterruptedException) thrown.get();
    }

    @Test
    void paradigmsStopsBetweenRoundsNamingTheRoundAndTheFinalSteps() throws InterruptedException {
        int steps = 1_000_000;
        RunInterruptedException e = interruptedRun(Integrators.paradigms("ddim", 16, 0), steps);
        assertThat(e.getMessage()).matches("paradigms was interrupted in round \\d+ \\(steps 1 to \\d+ of 1000000 final, t = .*")
                .endsWith("the run was stopped");
        assertThat(e.stoppedAt().step()).isBetween(-1, steps - 2);
    }

    @Test
    void paradigmsStopsWhileDrawingTheNoiseOfAStochasticSampler() throws InterruptedException {
        RunInterruptedException e = interruptedRun(Integrators.paradigms("ddpm", 16, 0), 2_000_000);
        assertThat(e.getMessage()).contains("was interrupted while drawing the noise of step ").contains("(steps 1 to 0 of 2000000 final");
        assertThat(e.stoppedAt().step()).isEqualTo(-1);
    }

    @Test
    void picardBlocksStopBetweenSweeps() throws InterruptedException {
        int steps = 4000;
        RunInterruptedException e = interruptedRun(new PicardBlocks(steps, steps, 0, 1), steps);
        assertThat(e.getMessage()).containsPattern("was interrupted in sweep \\d+ of the block from step 1 \\(steps 1 to 0 of 4000 final");
    }
}
