package org.difflab.benchmarks;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.TimeUnit;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.plugin.bench.IsotropicEps;
import org.difflab.plugin.bench.RawLoops;
import org.difflab.runtime.DiffLabRuntime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH's view of what {@code difflab bench}'s overhead section measures: one run of {@value #STEPS} steps of a sampler on
 * the one-multiplication model {@link IsotropicEps} (d = 16), through DiffLab's {@code Sampler} (per-sample noise, NaN
 * check: the defaults) and through the hand-written raw DJL loop {@link RawLoops} that returns the same samples. JMH
 * adds forked JVMs, its own warm-up and dead-code protection; the bench command adds the ratios within one process and
 * the other sections. Run on demand, never in CI (README, Performance).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SamplerStepBenchmark {
    /** Steps per run: the reported time per run divided by this is the time per step. */
    public static final int STEPS = 100;
    private static final int DIM = 16;

    @Param({"ddim", "ddpm", "heun"})
    public String integrator;

    @Param({"1", "64", "1024"})
    public int batch;

    private NoiseSchedule schedule;
    private TimeGrid grid;
    private IsotropicEps model;
    private long seed;

    @Setup
    public void setUp() {
        DiffLabRuntime.engine();
        schedule = Schedules.ddpm();
        grid = Grids.uniform(STEPS).on(schedule);
        model = new IsotropicEps(DIM, 0.5);
    }

    /** DiffLab's sampler: one run of {@value #STEPS} steps. */
    @Benchmark
    public long difflab() {
        try (Samples s = Diffusion.sampler().schedule(schedule).model(model).integrator(Integrators.parse(integrator))
                .grid(Grids.uniform(STEPS)).batchSize(batch).seed(seed++).sample(batch)) {
            return s.nfe();
        }
    }

    /** The raw DJL loop doing the same arithmetic, with engine noise. */
    @Benchmark
    public float rawDjl() {
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.randomNormal(new Shape(batch, DIM), DataType.FLOAT32);
            NDArray out = RawLoops.run(integrator, grid, x, model::predict, (i, like) -> manager.randomNormal(like.getShape(), like.getDataType()));
            return out.getFloat(0, 0);
        }
    }
}
