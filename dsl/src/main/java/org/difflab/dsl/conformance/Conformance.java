package org.difflab.dsl.conformance;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Solve;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.observe.StepEvent;
import org.difflab.dsl.observe.StepObserver;
import org.difflab.dsl.problem.DiffusionProblem;
import org.difflab.dsl.sampler.Sampler;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;

/**
 * The generic conformance suite every integrator must pass, runnable on any {@link Integrator} instance (a class
 * written in a notebook cell included): {@code Conformance.check(mySampler)}. Checks:
 * <ul>
 *   <li>{@code determinism}: the same seed gives identical bits;</li>
 *   <li>{@code batch-invariance}: sample i is the same bits in batches of 1, 7, 64 and 1000, at any position, with 1 and
 *       2 intra-op threads ({@link BatchInvariance});</li>
 *   <li>{@code nfe}: model evaluations spent equal {@link Integrator#nfe}, or, for an integrator with a random count,
 *       the steps plus its {@link Integrator#randomNfeCounter()} (one batch, so the counter is that run's);</li>
 *   <li>{@code native-memory}: over a long run the live tensors stay flat and resident memory does not grow (measured; the
 *       smallest growth of up to {@link #MEMORY_PASSES} passes, so that a one-off growth on a busy machine is not a leak);</li>
 *   <li>{@code moments}: on a 2-D Gaussian mixture at many steps, the sample mean and covariance are within
 *       5 standard errors of the target's;</li>
 *   <li>{@code noiseless}: a stochastic integrator with its noise knob at zero equals its deterministic counterpart.</li>
 * </ul>
 */
public final class Conformance {

    /**
     * Sizes of the checks. The defaults are those of the issue: 1,000 steps for moments, 10,000 for memory.
     *
     * @param momentSteps    steps of the moment check
     * @param momentSamples  samples of the moment check
     * @param memorySteps    steps of the memory check
     * @param memoryLimitBytes largest resident growth accepted over the memory run
     */
    public record Options(int momentSteps, int momentSamples, int memorySteps, long memoryLimitBytes) {
        public static Options defaults() {
            return new Options(1000, 10_000, 10_000, 64L << 20);
        }
    }

    private static final Target MIXTURE = Targets.ring(8, 2, 0.01);
    private static final NoiseSchedule SCHEDULE = Schedules.ddpm();

    private Conformance() {}

    /** Runs every check with the default sizes. */
    public static ConformanceReport check(Integrator integrator) {
        return check(integrator, Options.defaults());
    }

    /** Runs every check. */
    public static ConformanceReport check(Integrator integrator, Options options) {
        List<CheckResult> results = new ArrayList<>();
        results.add(determinism(integrator));
        results.add(batchInvariance(integrator));
        results.add(nfe(integrator));
        results.add(nativeMemory(integrator, options));
        results.add(moments(integrator, options));
        results.add(noiseless(integrator));
        return new ConformanceReport(integrator.spec(), results);
    }

    private static Sampler sampler(Integrator integrator, int steps) {
        return Diffusion.sampler().schedule(SCHEDULE).target(MIXTURE).integrator(integrator).grid(Grids.uniform(steps));
    }

    static CheckResult determinism(Integrator integrator) {
        double[][] a;
        double[][] b;
        try (Samples s = sampler(integrator, 20).seed(7).sample(32)) {
            a = s.rows();
        }
        try (Samples s = sampler(integrator, 20).seed(7).sample(32)) {
            b = s.rows();
        }
        return CheckResult.of("determinism", Arrays.deepEquals(a, b), "two runs with seed 7, 32 samples, 20 steps: "
                + (Arrays.deepEquals(a, b) ? "identical bits" : "bits differ"));
    }

    /** {@link BatchInvariance} on the 2-D mixture at 20 steps (seed 11). */
    static CheckResult batchInvariance(Integrator integrator) {
        return batchInvariance(integrator, () -> sampler(integrator, BATCH_STEPS), MIXTURE.spec() + ", " + BATCH_STEPS + " steps");
    }

    /**
     * {@link BatchInvariance} on any problem: {@code setup} gives a fresh sampler with its schedule, model and grid
     * (e.g. a model hierarchy whose gates should fire); the check sets the integrator, the noise (seed 11) and the
     * batch sizes.
     */
    public static CheckResult batchInvariance(Integrator integrator, Supplier<Sampler> setup, String what) {
        return batchInvarianceOutcome(integrator, setup, what).result();
    }

    static BatchInvariance.Outcome batchInvarianceOutcome(Integrator integrator, Supplier<Sampler> setup, String what) {
        return BatchInvariance.check((source, count, batch) -> {
            try (Samples s = setup.get().integrator(integrator).noise(source).batchSize(batch).sample(count)) {
                return new BatchInvariance.Drawn(s.rows(), s.counters());
            }
        }, NoiseSources.perSample(11), what);
    }

    /** Steps of the batch-invariance runs: few, so that 1000-row batches stay cheap. */
    static final int BATCH_STEPS = 20;

    static CheckResult nfe(Integrator integrator) {
        StringBuilder detail = new StringBuilder();
        boolean ok = true;
        Optional<String> counter = integrator.randomNfeCounter();
        for (int steps : new int[] {1, 2, 17}) {
            try (Samples s = sampler(integrator, steps).seed(3).sample(4)) {
                long declared;
                if (counter.isPresent()) {
                    Long extra = s.counters().get(counter.get());
                    ok &= extra != null;
                    declared = steps + (extra == null ? 0 : extra);
                    detail.append(steps).append(" steps: spent ").append(s.nfe()).append(", steps + ").append(counter.get()).append(" = ")
                            .append(extra == null ? "(counter missing)" : declared).append("; ");
                } else {
                    declared = integrator.nfe(sampler(integrator, steps).timeGrid());
                    detail.append(steps).append(" steps: spent ").append(s.nfe()).append(", declared ").append(declared).append("; ");
                }
                ok &= s.nfe() == declared;
            }
        }
        return CheckResult.of("nfe", ok, detail.toString().trim());
    }

    /**
     * Two measures over a run of {@code memorySteps} steps: the live tensors on the run's manager at every step end
     * (the DJL pitfall, a tensor never freed, makes it climb by one or more per step; exact), and the native resident
     * growth from before to after the run (anything freed only at the end, or held outside the manager). The warm-up
     * is a run of the same length, so that the allocator's pool already has the size such a run needs: after a run
     * ten times shorter, picardBlocks' first long run grew 150-200 MB while a second one grew -4 to +9 MB with one
     * live tensor at every step end (glibc keeps freed chunks pinned between longer-lived small buffers).
     */
    static CheckResult nativeMemory(Integrator integrator, Options options) {
        if (NativeMemory.residentBytes() < 0) {
            return CheckResult.skipped("native-memory", "resident memory is not measurable on this platform");
        }
        Target gaussian = Targets.gaussian(2, 0.5, 0.3);
        DiffusionProblem problem = new DiffusionProblem(Schedules.vp(), gaussian.exactScore());
        run(integrator, problem, options.memorySteps(), null);
        LiveTensors[] live = new LiveTensors[1];
        long[] growths = NativeMemory.growthsUntilWithin(options.memoryLimitBytes(), MEMORY_PASSES, () -> {
            live[0] = new LiveTensors();
            run(integrator, problem, options.memorySteps(), live[0]);
        });
        long growth = Arrays.stream(growths).min().orElseThrow();
        long climb = live[0].last - live[0].first;
        return CheckResult.of("native-memory", growth <= options.memoryLimitBytes() && climb <= LIVE_TENSOR_LIMIT, String.format(
                "over %d steps after a warm-up of as many: live tensors at step ends %d first, %d last, %d at most (limit: %d more at the last); "
                        + "native growth (resident outside the Java heap, minus JVM non-heap committed) %.1f MB (%.0f bytes/step; limit %.0f MB; "
                        + "smallest of %s MB)", options.memorySteps(), live[0].first, live[0].last, live[0].most, LIVE_TENSOR_LIMIT, growth / 1048576.0,
                (double) growth / options.memorySteps(), options.memoryLimitBytes() / 1048576.0, megabytes(growths)));
    }

    /** Passes of a memory run at most: the first that grows by at most the limit ends the check (a leak grows on every pass). */
    static final int MEMORY_PASSES = 3;

    /** Byte counts as a list of megabytes with one decimal. */
    static String megabytes(long[] bytes) {
        return Arrays.stream(bytes).mapToObj(b -> String.format("%.1f", b / 1048576.0)).toList().toString();
    }

    /** Live tensors more at the last step end than at the first that the memory check accepts (a leak adds one per step or more). */
    private static final int LIVE_TENSOR_LIMIT = 8;

    /** Counts the tensors attached to the run's manager at every step end. */
    private static final class LiveTensors implements StepObserver {
        private NDManager manager;
        private long first = -1;
        private long last;
        private long most;

        @Override
        public void onStep(StepEvent event) {
            long n = manager.getManagedArrays().size();
            if (first < 0) {
                first = n;
            }
            last = n;
            most = Math.max(most, n);
        }
    }

    private static void run(Integrator integrator, DiffusionProblem problem, int steps, LiveTensors live) {
        TimeGrid grid = Grids.uniform(steps).on(problem.schedule());
        try (NDManager manager = NDManager.newBaseManager()) {
            NoiseStream noise = NoiseSources.perSample(5).open(0, 16);
            NDArray x = noise.normal(manager, problem.model().eventShape(), DataType.FLOAT32);
            if (live != null) {
                live.manager = manager;
            }
            Solve.run(integrator, problem, grid, noise, live == null ? List.of() : List.of(live), x).x().close();
        }
    }

    static CheckResult moments(Integrator integrator, Options options) {
        double[][] x;
        try (Samples s = sampler(integrator, options.momentSteps()).seed(13).sample(options.momentSamples())) {
            x = s.rows();
        }
        MomentDeviation m = MomentDeviation.of(x, MIXTURE.mean(), MIXTURE.covariance());
        return CheckResult.of("moments", m.z() <= 5, String.format(
                "%s, %d steps, %d samples: largest deviation %.2f standard errors (%s)", MIXTURE.spec(), options.momentSteps(), x.length,
                m.z(), m.what()));
    }

    static CheckResult noiseless(Integrator integrator) {
        Optional<Integrator> off = integrator.withoutNoise();
        Optional<Integrator> counterpart = integrator.deterministicCounterpart();
        if (off.isEmpty() || counterpart.isEmpty()) {
            return CheckResult.skipped("noiseless", "no deterministic counterpart declared");
        }
        if (off.get().stochastic()) {
            return CheckResult.of("noiseless", false, off.get().spec() + " still declares itself stochastic");
        }
        double[][] a;
        double[][] b;
        try (Samples s = sampler(off.get(), 30).seed(5).dataType(DataType.FLOAT64).sample(64)) {
            a = s.rows();
        }
        try (Samples s = sampler(counterpart.get(), 30).seed(5).dataType(DataType.FLOAT64).sample(64)) {
            b = s.rows();
        }
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a[i].length; j++) {
                worst = Math.max(worst, Math.abs(a[i][j] - b[i][j]) / (1 + Math.abs(b[i][j])));
            }
        }
        return CheckResult.of("noiseless", worst <= 1e-10, String.format("%s vs %s, float64, 30 steps: largest relative difference %.2e",
                off.get().spec(), counterpart.get().spec(), worst));
    }
}
