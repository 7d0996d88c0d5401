package org.difflab.plugin.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.noise.NoiseSource;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;

/**
 * Per-step cost of DiffLab's samplers on top of their model calls: the same run (DDPM schedule, uniform grid, the
 * one-multiplication model {@link IsotropicEps}) through DiffLab's {@code Sampler} (per-sample noise, NaN check on:
 * the defaults; and with the check off), through a hand-written raw DJL loop ({@link RawLoops}, engine noise), on plain Java arrays
 * ({@link ArrayLoops}, for the integrators written there) and, where a Python with torch is found, through a plain eager PyTorch loop ({@link TorchLoops},
 * the same intra-op thread count). Each repeat times them in turn, so a busy moment of a shared machine hits them
 * alike; the ratios are taken within a repeat.
 */
public final class OverheadBench {
    private static final double VARIANCE = 0.5;

    /** Untimed runs of every case before its repeats (the JIT compiles DiffLab's and DJL's Java code meanwhile). */
    public static final int WARM_UPS = 2;

    /**
     * Untimed runs of every integrator, DiffLab's and the raw DJL loop, at the smallest shape before any case is timed,
     * five times the timed runs' steps each, at most {@value #JIT_WARM_UP_STEPS} (the most a uniform grid on the DDPM
     * schedule allows; 1000 for the default 200). The JIT needs tens of thousands of steps to settle (idle machine, ddim
     * at 64x2, 1000-step runs one after the other: 214, 52, 52, 31, 36, 27 ... 22-26 from the 11th, 23.0-23.3 from the
     * 30th us a step; 17.0 over 25 s of runs), and a case's own two warm-ups of 200 steps left the first cases timed on
     * half-compiled code (DiffLab / raw DJL for ddim at 64x2: 1.24; 0.65 after this warm-up). A plain PyTorch loop has
     * no JIT to wait for, so steady state is the fair comparison.
     */
    static final int JIT_WARM_UP_RUNS = 30;

    /** The most steps of a JIT warm-up run. */
    static final int JIT_WARM_UP_STEPS = 1000;

    private OverheadBench() {}

    /**
     * Rows for every integrator of {@link RawLoops#INTEGRATORS} at every batch shape; {@code notes} hears why a
     * reference is left out (no Python with torch).
     */
    public static List<BenchRow> run(List<BatchShape> shapes, int steps, int repeats, int threads, Consumer<String> progress,
            Consumer<String> notes) {
        NoiseSchedule schedule = Schedules.ddpm();
        TimeGrid grid = Grids.uniform(steps).on(schedule);
        TorchLoops.Started started = TorchLoops.start(threads);
        if (started.loops() == null) {
            notes.accept("overhead: no plain PyTorch column: " + started.reason());
        } else {
            String tunables = System.getenv("GLIBC_TUNABLES");
            notes.accept("overhead: plain PyTorch loop on torch " + started.loops().version() + " with " + threads + " intra-op thread(s), GLIBC_TUNABLES="
                    + (tunables == null ? TorchLoops.MALLOC_TUNABLES + " (glibc's adaptive malloc thresholds made its large-shape steps vary up to"
                            + " 3.5x between processes: docs/performance.md)" : tunables + " (as given)"));
        }
        List<BenchRow> rows = new ArrayList<>();
        BatchShape first = shapes.stream().min(Comparator.comparingLong(b -> (long) b.batch() * b.dim()))
                .orElseThrow(() -> new IllegalArgumentException("shapes = [] is not allowed: give at least one batch shape"));
        int warmUpSteps = (int) Math.min(JIT_WARM_UP_STEPS, 5L * steps);
        TimeGrid warmUpGrid = Grids.uniform(warmUpSteps).on(schedule);
        for (String integrator : RawLoops.INTEGRATORS) {
            progress.accept("overhead: " + integrator + " " + first.label() + " (JIT warm-up, " + JIT_WARM_UP_RUNS + " x " + warmUpSteps + " steps)");
            IsotropicEps model = new IsotropicEps(first.dim(), VARIANCE);
            for (int r = 0; r < JIT_WARM_UP_RUNS; r++) {
                timeDiffLab(integrator, schedule, warmUpSteps, model, first.batch(), NoiseSources.perSample(-1 - r), true);
                timeRaw(integrator, warmUpGrid, model, first.batch(), -1 - r);
            }
        }
        try (TorchLoops torch = started.loops()) {
            for (String integrator : RawLoops.INTEGRATORS) {
                for (BatchShape shape : shapes) {
                    rows.addAll(one(integrator, schedule, grid, shape, repeats, torch, progress));
                }
            }
        }
        return rows;
    }

    private static List<BenchRow> one(String integrator, NoiseSchedule schedule, TimeGrid grid, BatchShape shape, int repeats,
            TorchLoops torch, Consumer<String> progress) {
        int steps = grid.steps();
        int dim = shape.dim();
        int batch = shape.batch();
        IsotropicEps model = new IsotropicEps(dim, VARIANCE);
        String subject = integrator + " " + shape.label();
        double[] difflab = new double[repeats];
        double[] raw = new double[repeats];
        double[] arrays = new double[repeats];
        double[] plain = new double[repeats];
        double[] engineNoise = new double[repeats];
        double[] unchecked = new double[repeats];
        boolean arrayLoop = ArrayLoops.INTEGRATORS.contains(integrator);
        boolean stochastic = Integrators.parse(integrator).info().stochastic();
        for (int r = -WARM_UPS; r < repeats; r++) { // r < 0: warm-ups, not recorded
            progress.accept("overhead: " + subject + (r < 0 ? " (warm-up)" : " repeat " + (r + 1) + " of " + repeats));
            double a = timeDiffLab(integrator, schedule, steps, model, batch, NoiseSources.perSample(r), true);
            double e = stochastic ? timeDiffLab(integrator, schedule, steps, model, batch, NoiseSources.engine(r), true) : Double.NaN;
            double u = timeDiffLab(integrator, schedule, steps, model, batch, NoiseSources.perSample(r), false);
            double b = timeRaw(integrator, grid, model, batch, r);
            double c = arrayLoop ? timeArrays(integrator, grid, model, batch, r) : Double.NaN;
            double d = torch == null ? Double.NaN : torch.seconds(integrator, grid, batch, dim, VARIANCE, r + WARM_UPS) * 1e9;
            if (r >= 0) {
                difflab[r] = a / steps;
                engineNoise[r] = e / steps;
                unchecked[r] = u / steps;
                raw[r] = b / steps;
                arrays[r] = c / steps;
                plain[r] = d / steps;
            }
        }
        List<BenchRow> rows = new ArrayList<>();
        rows.add(new BenchRow("overhead", subject, "DiffLab", "us/step", Spread.of(scale(difflab, 1e-3))));
        if (stochastic) {
            rows.add(new BenchRow("overhead", subject, "DiffLab, engine noise", "us/step", Spread.of(scale(engineNoise, 1e-3))));
        }
        rows.add(new BenchRow("overhead", subject, "DiffLab, no NaN check", "us/step", Spread.of(scale(unchecked, 1e-3))));
        rows.add(new BenchRow("overhead", subject, "raw DJL loop", "us/step", Spread.of(scale(raw, 1e-3))));
        if (arrayLoop) {
            rows.add(new BenchRow("overhead", subject, "Java arrays", "us/step", Spread.of(scale(arrays, 1e-3))));
        }
        if (torch != null) {
            rows.add(new BenchRow("overhead", subject, "plain PyTorch loop", "us/step", Spread.of(scale(plain, 1e-3))));
        }
        rows.add(new BenchRow("overhead", subject, "DiffLab / raw DJL", "x", Spread.of(ratio(difflab, raw))));
        if (arrayLoop) {
            rows.add(new BenchRow("overhead", subject, "DiffLab / Java arrays", "x", Spread.of(ratio(difflab, arrays))));
        }
        if (torch != null) {
            rows.add(new BenchRow("overhead", subject, "DiffLab / PyTorch", "x", Spread.of(ratio(difflab, plain))));
            if (stochastic) {
                rows.add(new BenchRow("overhead", subject, "DiffLab, engine noise / PyTorch", "x", Spread.of(ratio(engineNoise, plain))));
            }
            rows.add(new BenchRow("overhead", subject, "DiffLab, no NaN check / PyTorch", "x", Spread.of(ratio(unchecked, plain))));
            rows.add(new BenchRow("overhead", subject, "raw DJL / PyTorch", "x", Spread.of(ratio(raw, plain))));
        }
        return rows;
    }

    /**
     * One DiffLab run's nanoseconds with {@code noise}: its default per-sample streams (each sample its own generator in
     * Java, the same numbers at any batch size), or, for the samplers that draw, the engine's generator as the raw and
     * PyTorch loops use it (one call per draw, not batch invariant), which shows what the per-sample streams cost;
     * {@code checkFinite}: the per-step NaN check (on by default; off shows what its reduction pass costs, which neither
     * loop does).
     */
    private static double timeDiffLab(String integrator, NoiseSchedule schedule, int steps, IsotropicEps model, int batch, NoiseSource noise,
            boolean checkFinite) {
        long start = System.nanoTime();
        try (Samples s = Diffusion.sampler().schedule(schedule).model(model).integrator(Integrators.parse(integrator))
                .grid(Grids.uniform(steps)).batchSize(batch).noise(noise).checkFinite(checkFinite).sample(batch)) {
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
