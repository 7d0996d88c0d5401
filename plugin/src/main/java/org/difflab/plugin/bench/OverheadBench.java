package org.difflab.plugin.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;

/**
 * Per-step cost of DiffLab's samplers on top of their model calls: the same run (DDPM schedule, uniform grid, the
 * one-multiplication model {@link IsotropicEps}) through DiffLab's {@code Sampler} (per-sample noise, NaN check on:
 * the defaults), through a hand-written raw DJL loop ({@link RawLoops}, engine noise) and on plain Java arrays
 * ({@link ArrayLoops}). Each repeat times the three in turn, so a busy moment of a shared machine hits them alike; the
 * ratios are taken within a repeat.
 */
public final class OverheadBench {
    private static final double VARIANCE = 0.5;

    /** Untimed runs of every case before its repeats (the JIT compiles DiffLab's and DJL's Java code meanwhile). */
    public static final int WARM_UPS = 2;

    private OverheadBench() {}

    /** Rows for every integrator of {@link RawLoops#INTEGRATORS} and batch size, d = {@code dim}. */
    public static List<BenchRow> run(int dim, int[] batches, int steps, int repeats, Consumer<String> progress) {
        NoiseSchedule schedule = Schedules.ddpm();
        TimeGrid grid = Grids.uniform(steps).on(schedule);
        IsotropicEps model = new IsotropicEps(dim, VARIANCE);
        List<BenchRow> rows = new ArrayList<>();
        for (String integrator : RawLoops.INTEGRATORS) {
            for (int batch : batches) {
                progress.accept("overhead: " + integrator + " d=" + dim + " batch=" + batch);
                double[] difflab = new double[repeats];
                double[] raw = new double[repeats];
                double[] arrays = new double[repeats];
                for (int r = -WARM_UPS; r < repeats; r++) { // r < 0: warm-ups, not recorded
                    double a = timeDiffLab(integrator, schedule, steps, model, batch, r);
                    double b = timeRaw(integrator, grid, model, batch, r);
                    double c = timeArrays(integrator, grid, model, batch, r);
                    if (r >= 0) {
                        difflab[r] = a / steps;
                        raw[r] = b / steps;
                        arrays[r] = c / steps;
                    }
                }
                String subject = integrator + " d=" + dim + " batch=" + batch;
                rows.add(new BenchRow("overhead", subject, "DiffLab", "us/step", Spread.of(scale(difflab, 1e-3))));
                rows.add(new BenchRow("overhead", subject, "raw DJL loop", "us/step", Spread.of(scale(raw, 1e-3))));
                rows.add(new BenchRow("overhead", subject, "Java arrays", "us/step", Spread.of(scale(arrays, 1e-3))));
                rows.add(new BenchRow("overhead", subject, "DiffLab / raw DJL", "x", Spread.of(ratio(difflab, raw))));
                rows.add(new BenchRow("overhead", subject, "DiffLab / Java arrays", "x", Spread.of(ratio(difflab, arrays))));
            }
        }
        return rows;
    }

    private static double timeDiffLab(String integrator, NoiseSchedule schedule, int steps, IsotropicEps model, int batch, long seed) {
        long start = System.nanoTime();
        try (Samples s = Diffusion.sampler().schedule(schedule).model(model).integrator(Integrators.parse(integrator))
                .grid(Grids.uniform(steps)).batchSize(batch).seed(seed).sample(batch)) {
            return System.nanoTime() - start;
        }
    }

    private static double timeRaw(String integrator, TimeGrid grid, IsotropicEps model, int batch, long seed) {
        try (NDManager manager = NDManager.newBaseManager()) {
            manager.getEngine().setRandomSeed((int) seed);
            Shape shape = new Shape(batch, model.eventShape().get(0));
            long start = System.nanoTime();
            NDArray x = manager.randomNormal(shape, DataType.FLOAT32);
            RawLoops.run(integrator, grid, x, model::predict, (i, like) -> manager.randomNormal(like.getShape(), like.getDataType()));
            return System.nanoTime() - start;
        }
    }

    private static double timeArrays(String integrator, TimeGrid grid, IsotropicEps model, int batch, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = batch * (int) model.eventShape().get(0);
        long start = System.nanoTime();
        double[] x = new double[n];
        for (int j = 0; j < n; j++) {
            x[j] = random.nextGaussian();
        }
        ArrayLoops.run(integrator, grid, x, model, i -> {
            double[] z = new double[n];
            for (int j = 0; j < n; j++) {
                z[j] = random.nextGaussian();
            }
            return z;
        });
        return System.nanoTime() - start;
    }

    static double[] scale(double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * factor;
        }
        return out;
    }

    static double[] ratio(double[] a, double[] b) {
        double[] out = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            out[i] = a[i] / b[i];
        }
        return out;
    }
}
