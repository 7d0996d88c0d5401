package org.difflab.dsl.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.Solve;
import org.difflab.dsl.Langevin;
import org.difflab.dsl.langevin.LangevinIntegrators;
import org.difflab.dsl.langevin.Potentials;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;

/**
 * Interrupting a run (a notebook's interrupt, Ctrl-C on the command line) stops it at the end of the current step with
 * a {@link RunInterruptedException} naming sampler, step and time, frees its tensors, consumes the interrupt flag and
 * leaves the thread and the engine ready for the next run.
 */
class RunInterruptionTest {
    private static final Target TARGET = Targets.gaussian(2, 0.5, 0.3);
    private static final int LONG = 1_000_000;

    private static double[][] shortRun() {
        try (Samples s = Diffusion.sampler().schedule(Schedules.vp()).target(TARGET).integrator(Integrators.heun())
                .grid(Grids.uniform(20)).seed(3).dataType(DataType.FLOAT64).sample(8)) {
            return s.rows();
        }
    }

    /** Interrupts the run's own thread after step {@code at} (0-based), as another thread's interrupt would land. */
    private static StepObserver interruptAfter(int at) {
        return e -> {
            if (e.step() == at) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void stopsAtTheStepOfTheInterruptNamingSamplerStepAndTimeAndTheNextRunIsUnchanged() {
        double[][] before = shortRun();
        assertThatThrownBy(() -> Diffusion.sampler().schedule(Schedules.vp()).target(TARGET).integrator(Integrators.heun())
                .grid(Grids.uniform(LONG)).observer(interruptAfter(99)).sample(4))
                .isInstanceOf(RunInterruptedException.class)
                .hasMessageContaining("heun was interrupted after step 100 of 1000000 (t = ")
                .satisfies(e -> {
                    RunInterruptedException r = (RunInterruptedException) e;
                    assertThat(r.stoppedAt().integrator()).isEqualTo("heun");
                    assertThat(r.stoppedAt().step()).isEqualTo(99);
                    assertThat(r.stoppedAt().time()).isEqualTo(Grids.uniform(LONG).on(Schedules.vp()).t(100));
                });
        assertThat(Thread.currentThread().isInterrupted()).as("the flag is consumed by the run").isFalse();
        assertThat(shortRun()).isDeepEqualTo(before);
    }

    @Test
    void anInterruptedRunLeavesNoTensorBehind() {
        DiffusionProblem problem = new DiffusionProblem(Schedules.vp(), TARGET.exactScore());
        TimeGrid grid = Grids.uniform(LONG).on(problem.schedule());
        for (String spec : List.of("dpmSolverPP2M", "ddpm", "acceleratedOde:form=theory")) {
            try (NDManager manager = NDManager.newBaseManager()) {
                NoiseStream noise = NoiseSources.perSample(1).open(0, 16);
                NDArray x = noise.normal(manager, problem.model().eventShape(), DataType.FLOAT32);
                int live = manager.getManagedArrays().size();
                assertThatThrownBy(() -> Solve.run(Integrators.parse(spec), problem, grid, noise, List.of(interruptAfter(500)), x))
                        .as(spec).isInstanceOf(RunInterruptedException.class).hasMessageContaining("after step 501 of");
                assertThat(manager.getManagedArrays()).as(spec + ": live tensors after the interrupted run").hasSize(live - 1);
            }
        }
    }

    @Test
    void anotherThreadsInterruptStopsALongRunAndTheThreadRunsAgain() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<double[][]> after = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            try {
                Diffusion.sampler().schedule(Schedules.vp()).target(TARGET).integrator(Integrators.ddim(0.5)).grid(Grids.uniform(LONG))
                        .observer(e -> running.countDown()).sample(64).close();
            } catch (RuntimeException e) {
                thrown.set(e);
            }
            after.set(shortRun());
        });
        worker.start();
        running.await();
        worker.interrupt();
        worker.join(120_000); // a guard against a hang, not a timing: a million steps take minutes
        assertThat(worker.isAlive()).as("the run stopped").isFalse();
        assertThat(thrown.get()).isInstanceOf(RunInterruptedException.class).hasMessageContaining("ddim was interrupted after step");
        assertThat(((RunInterruptedException) thrown.get()).stoppedAt().step()).isLessThan(LONG - 1);
        assertThat(after.get()).isDeepEqualTo(shortRun());
    }

    @Test
    void langevinRunsStopTheSameWay() {
        assertThatThrownBy(() -> Langevin.sampler().potential(Potentials.doubleWell(1, 1)).integrator(LangevinIntegrators.lmc())
                .stepSize(0.01).steps(LONG).seed(1).observer(interruptAfter(9)).sample(8))
                .isInstanceOf(RunInterruptedException.class).hasMessageContaining("lmc was interrupted after step 10 of 1000000");
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }
}
