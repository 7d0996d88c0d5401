package org.difflab.plugin.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The benchmark's references do DiffLab's arithmetic: from the same initial batch and noise, the raw DJL loop returns
 * DiffLab's samples bit for bit and the Java-array loop returns them to rounding, for every integrator each writes.
 */
class ReferenceLoopsTest {
    private static final int BATCH = 5;
    private static final int STEPS = 25;
    private static final long SEED = 11;
    private static final IsotropicEps MODEL = new IsotropicEps(4, 0.5);
    private static final NoiseSchedule SCHEDULE = Schedules.ddpm();

    @ParameterizedTest
    @ValueSource(strings = {"ddim", "ddpm", "heun", "probabilityFlowEuler", "dpmSolverPP2M", "liOde", "liDdpm"})
    void rawDjlAndJavaArraysReturnDiffLabsSamples(String integrator) {
        TimeGrid grid = Grids.uniform(STEPS).on(SCHEDULE);
        float[] difflab;
        try (Samples s = Diffusion.sampler().schedule(SCHEDULE).model(MODEL).integrator(Integrators.parse(integrator))
                .grid(Grids.uniform(STEPS)).seed(SEED).sample(BATCH)) {
            difflab = s.tensor().toFloatArray();
        }
        Shape event = MODEL.eventShape();
        try (NDManager manager = NDManager.newBaseManager()) {
            NoiseStream stream = NoiseSources.perSample(SEED).open(0, BATCH);
            NDArray x = stream.normal(manager, event, DataType.FLOAT32).mul(SCHEDULE.priorStd());
            double[] start = x.toType(DataType.FLOAT64, false).toDoubleArray();
            NDArray[] draws = new NDArray[STEPS];
            for (int i = 0; i < STEPS; i++) {
                draws[i] = stream.normal(manager, event, DataType.FLOAT32, grid.t(i), grid.t(i + 1));
            }
            int live = manager.getManagedArrays().size();
            float[] raw = RawLoops.run(integrator, grid, x, MODEL::predict, (i, like) -> draws[i].duplicate()).toFloatArray();
            assertThat(manager.getManagedArrays()).as("the raw loop frees its steps: only its result is left").hasSize(live + 1);
            assertThat(raw).as("raw DJL").containsExactly(difflab);
            if (!ArrayLoops.INTEGRATORS.contains(integrator)) {
                return;
            }
            double[] arrays = ArrayLoops.run(integrator, grid, start, MODEL, i -> draws[i].toType(DataType.FLOAT64, false).toDoubleArray());
            for (int j = 0; j < difflab.length; j++) {
                assertThat(arrays[j]).as("Java arrays, entry %d", j).isCloseTo(difflab[j], within(1e-4 * (1 + Math.abs(difflab[j]))));
            }
        }
    }
}
