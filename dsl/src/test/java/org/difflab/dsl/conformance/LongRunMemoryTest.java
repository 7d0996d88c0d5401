package org.difflab.dsl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.Solve;
import org.difflab.dsl.noise.NoiseSource;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.observe.StepEvent;
import org.difflab.dsl.observe.StepObserver;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A long run keeps native memory flat: one stochastic run (DDIM, eta = 0.5, per-sample noise) on a 2-D Gaussian, its
 * live tensors and native memory (resident minus the Java heap, which the pinned-heap JVM of this test fixes and touches
 * up front; see the module's pom) read at eleven step ends and printed. 10^6 steps (65 s here, on 2 shared cores); fewer
 * or more with {@code -Ddifflab.longRun.steps=N} on the Maven command line.
 */
@Tag("pinned-heap")
class LongRunMemoryTest {
    /** Native growth accepted from the first tenth of the run to its end; DJL's leak of one tensor per step is 400 MB here. */
    private static final long NATIVE_LIMIT = 32L << 20;

    /** Live tensors and native bytes at the first step end and at ten evenly spaced ones. */
    private static final class Meter implements StepObserver {
        private final NDManager manager;
        private final int every;
        private final long[] live = new long[11];
        private final long[] nativeBytes = new long[11];
        private int taken;

        Meter(NDManager manager, int steps) {
            this.manager = manager;
            this.every = steps / 10;
        }

        @Override
        public void onStep(StepEvent e) {
            if (e.step() == 0 || (e.step() + 1) % every == 0) {
                live[taken] = manager.getManagedArrays().size();
                nativeBytes[taken++] = NativeMemory.nativeBytes();
            }
        }
    }

    @Test
    void aLongRunKeepsLiveTensorsAndResidentMemoryFlat() {
        int steps = Integer.getInteger("difflab.longRun.steps", 1_000_000);
        DiffusionProblem problem = new DiffusionProblem(Schedules.vp(), Targets.gaussian(2, 0.5, 0.3).exactScore());
        TimeGrid grid = Grids.uniform(steps).on(problem.schedule());
        NoiseSource source = NoiseSources.perSample(7);
        try (NDManager manager = NDManager.newBaseManager()) {
            NoiseStream noise = source.open(0, 16);
            NDArray x = noise.normal(manager, problem.model().eventShape(), DataType.FLOAT32);
            Meter meter = new Meter(manager, steps);
            long start = System.nanoTime();
            Solve.run(Integrators.ddim(0.5), problem, grid, noise, List.of(meter), x).x().close();
            double seconds = (System.nanoTime() - start) / 1e9;
            StringBuilder table = new StringBuilder(String.format("long run: ddim:eta=0.5, %d steps, batch 16, d = 2, %.1f s (%.1f us/step)%n",
                    steps, seconds, seconds / steps * 1e6));
            for (int k = 0; k < meter.taken; k++) {
                table.append(String.format("  after step %8d: live tensors %d, native %.1f MB%n", k == 0 ? 1 : k * meter.every,
                        meter.live[k], meter.nativeBytes[k] / 1048576.0));
            }
            assertThat(Runtime.getRuntime().totalMemory()).as("a pinned heap (-Xms = -Xmx), else its growth reads as native")
                    .isEqualTo(Runtime.getRuntime().maxMemory());
            long growth = meter.nativeBytes[meter.taken - 1] - meter.nativeBytes[1];
            table.append(String.format("  native growth from step %d to the end: %.1f MB (%.1f bytes/step; limit %d MB)%n", meter.every,
                    growth / 1048576.0, (double) growth / (steps - meter.every), NATIVE_LIMIT >> 20));
            System.out.print(table);
            assertThat(meter.taken).isEqualTo(11);
            assertThat(meter.live[10]).as(table.toString()).isEqualTo(meter.live[0]);
            assertThat(growth).as(table.toString()).isLessThan(NATIVE_LIMIT);
        }
    }
}
