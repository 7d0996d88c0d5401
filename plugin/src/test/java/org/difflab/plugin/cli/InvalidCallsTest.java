package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.BaseNDManager;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.Langevin;
import org.difflab.dsl.conformance.NativeMemory;
import org.difflab.dsl.control.StepController;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.langevin.LangevinIntegrators;
import org.difflab.dsl.langevin.Potentials;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.torchscript.TimeConvention;
import org.difflab.runtime.torchscript.TorchScriptModel;
import org.difflab.runtime.unet.UNetScoreModel;
import org.difflab.theory.metric.Metrics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzz set of issue 9: invalid calls generated from tables of specs, parameters and bad values, through the public
 * API (an {@link IllegalArgumentException} naming the parameter and the value) and through the command line in-process
 * (exit code 2 and {@code difflab: error:} naming them). After all of them the process holds no more live tensors than
 * before, and its native memory does not grow pass after pass over the set.
 */
@Tag("pinned-heap")
class InvalidCallsTest {
    /** A valid sample command line; the family's option is replaced by the spec under test. */
    private static final List<String> SAMPLE = List.of("sample", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps", "10", "--n", "4");
    private static final List<String> EVAL = List.of("eval", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps", "10");
    /** Native growth accepted over a pass of the whole set (the conformance suite's limit for a 10,000-step run). */
    private static final long NATIVE_LIMIT = 64L << 20;
    /** Passes over the set whose native growth is measured: the tests' own pass and two more. */
    private static final int PASSES = 3;

    private static Path dir;
    private static long liveBefore;
    private static long nativeBefore;

    static Stream<Arguments> apiSpecs() {
        return BadSpecs.all().stream().map(b -> Arguments.of(b.family() + " " + b.spec(), (ThrowingCallable) () -> b.family().parser.apply(b.spec()),
                b.key(), b.value()));
    }

    static Stream<Arguments> cliSpecs() {
        return BadSpecs.all().stream().flatMap(b -> {
            List<String[]> lines = new ArrayList<>();
            lines.add(Cli.withOption(SAMPLE, b.family().option, b.spec()));
            if (b.family() == BadSpecs.Family.TARGET || b.family() == BadSpecs.Family.INTEGRATOR) {
                lines.add(Cli.withOption(EVAL, b.family().option, b.spec()));
            }
            return lines.stream().map(l -> Arguments.of(l, b.key(), b.value()));
        });
    }

    /** Bad option values of the commands (numbers, names, empty values, missing and corrupt files) and the text naming them. */
    static Stream<Arguments> cliOptions() throws IOException {
        List<Arguments> a = new ArrayList<>();
        for (String v : List.of("0", "-1", "abc", "1.5", "99999999999", "")) {
            a.add(Arguments.of(Cli.withOption(SAMPLE, "--steps", v), "--steps", v));
            a.add(Arguments.of(Cli.withOption(SAMPLE, "--n", v), "--n", v));
            a.add(Arguments.of(Cli.withOption(SAMPLE, "--batch", v), "--batch", v));
            a.add(Arguments.of(Cli.withOption(EVAL, "--steps", v), "--steps", v));
        }
        for (String v : List.of("abc", "1.5", "")) {
            a.add(Arguments.of(Cli.withOption(SAMPLE, "--seed", v), "--seed", v));
        }
        for (String v : List.of("float16", "int32", "")) {
            a.add(Arguments.of(Cli.withOption(SAMPLE, "--dtype", v), "--dtype", v));
        }
        for (String v : List.of("tpu", "cuda:x", "cuda:-1", "")) {
            a.add(Arguments.of(Cli.withOption(SAMPLE, "--device", v), "device", v));
        }
        for (String[] o : new String[][] {{"--metric", "l2"}, {"--metric", ""}, {"--init", "zero"}, {"--reference", "x2"}, {"--schedule", ""},
                {"--grid", ""}, {"--target", ""}, {"--integrator", ""}, {"--target", "gmm:preset=ring8"}}) {
            String named = o[1].isEmpty() && !o[0].equals("--metric") ? o[0].substring(2) + " spec = ''" : o[0]; // empty specs: "grid spec = ''"
            a.add(Arguments.of(Cli.withOption(EVAL, o[0], o[1]), named, o[1]));
        }
        List<String> heun = List.of("sample", "--target", "gaussian:d=2", "--integrator", "heun", "--steps", "10", "--n", "4");
        for (String[] c : new String[][] {{"pi:rtol=0", "rtol", "0"}, {"pi:rtol=NaN", "rtol", "NaN"}, {"pi:atol=-1", "atol", "-1"},
                {"pi:pair=rk45", "pair", "rk45"}, {"pid", "name", "pid"}}) {
            a.add(Arguments.of(Cli.withOption(heun, "--controller", c[0]), c[1], c[2]));
        }
        a.add(Arguments.of(Cli.withOption(SAMPLE, "--controller", "pi:rtol=1e-3"), "integrator", "ddim")); // no embedded pair
        Path corrupt = Files.writeString(dir.resolve("corrupt.pt"), "not a TorchScript archive\n");
        Path ckpt = Files.writeString(dir.resolve("corrupt.ckpt"), "not a checkpoint\n");
        String missing = dir.resolve("absent.pt").toString();
        a.add(Arguments.of(new String[] {"sample", "--model", missing, "--event-shape", "3,8,8", "--integrator", "ddim", "--steps", "5", "--n", "2"},
                missing, "does not exist"));
        a.add(Arguments.of(new String[] {"sample", "--model", corrupt.toString(), "--event-shape", "3,8,8", "--integrator", "ddim", "--steps",
                "5", "--n", "2"}, corrupt.toString(), "could not be loaded"));
        a.add(Arguments.of(new String[] {"sample", "--model", ckpt.toString(), "--integrator", "ddim", "--steps", "5", "--n", "2"},
                ckpt.toString(), "corrupt.ckpt"));
        a.add(Arguments.of(new String[] {"sample", "--model", dir.resolve("absent.ckpt").toString(), "--integrator", "ddim", "--steps", "5",
                "--n", "2"}, "absent.ckpt", "absent.ckpt"));
        a.add(Arguments.of(new String[] {"sample", "--model", "zoo:nope", "--integrator", "ddim", "--steps", "5", "--n", "2"}, "--model", "zoo:nope"));
        a.add(Arguments.of(new String[] {"sample", "--model", "", "--integrator", "ddim", "--steps", "5", "--n", "2"}, "--model", ""));
        a.add(Arguments.of(new String[] {"converge", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps", "20,NaN"}, "--steps", "NaN"));
        a.add(Arguments.of(new String[] {"converge", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps", ""}, "--steps", ""));
        a.add(Arguments.of(new String[] {"converge", "--target", "gaussian:d=2", "--integrator", ",", "--steps", "10,20"}, "--integrator", ","));
        a.add(Arguments.of(new String[] {"check", "--claim", ""}, "--claim", ""));
        for (String v : List.of("0", "-1", "65", "two", "")) {
            a.add(Arguments.of(new String[] {"check", "--claim", "order-ddim", "--workers", v}, "--workers", v));
        }
        a.add(Arguments.of(new String[] {"list", "nope"}, "nope", "nope"));
        a.add(Arguments.of(new String[] {"train", "--model", "nope", "--list"}, "nope", "nope"));
        a.add(Arguments.of(new String[] {""}, "", ""));
        return Stream.concat(a.stream(), HostileCalls.all(dir));
    }

    /** Direct calls of the public API with bad numbers, NaN, wrong shapes and missing pieces. */
    static Stream<Arguments> apiCalls() {
        return Stream.of(
                Arguments.of("Grids.uniform(-1)", (ThrowingCallable) () -> Grids.uniform(-1), "steps", "-1"),
                Arguments.of("Grids.karras(10, NaN)", (ThrowingCallable) () -> Grids.karras(10, Double.NaN), "rho", "NaN"),
                Arguments.of("Schedules.linearBeta(NaN, ...)", (ThrowingCallable) () -> Schedules.linearBeta(Double.NaN, 0.02, 1000), "b0", "NaN"),
                Arguments.of("Schedules.parse(null)", (ThrowingCallable) () -> Schedules.parse(null), "schedule spec", "null"),
                Arguments.of("Targets.gaussian(0)", (ThrowingCallable) () -> Targets.gaussian(0), "d", "0"),
                Arguments.of("Targets.gaussian(2, NaN, 1)", (ThrowingCallable) () -> Targets.gaussian(2, Double.NaN, 1), "mean", "NaN"),
                Arguments.of("Targets.gaussian(2, 0, Inf)", (ThrowingCallable) () -> Targets.gaussian(2, 0, Double.POSITIVE_INFINITY), "var", "Infinity"),
                Arguments.of("Integrators.ddim(NaN)", (ThrowingCallable) () -> Integrators.ddim(Double.NaN), "eta", "NaN"),
                Arguments.of("sampler.sample(0)", (ThrowingCallable) () -> Diffusion.sampler().target(Targets.gaussian(2)).sample(0), "n", "0"),
                Arguments.of("sampler.sample(-3)", (ThrowingCallable) () -> Diffusion.sampler().target(Targets.gaussian(2)).sample(-3), "n", "-3"),
                Arguments.of("sampler without model", (ThrowingCallable) () -> Diffusion.sampler().sample(4), "model", "missing"),
                Arguments.of("sampler.batchSize(0)", (ThrowingCallable) () -> Diffusion.sampler().batchSize(0), "batchSize", "0"),
                Arguments.of("sampler.steps(0)", (ThrowingCallable) () -> Diffusion.sampler().steps(0), "steps", "0"),
                Arguments.of("sampler.dataType(int32)", (ThrowingCallable) () -> Diffusion.sampler().dataType(DataType.INT32), "dataType", "int32"),
                Arguments.of("sampler.integrator(null)", (ThrowingCallable) () -> Diffusion.sampler().integrator(null), "integrator", "null"),
                Arguments.of("StepController.pi(0, 1e-4)", (ThrowingCallable) () -> StepController.pi(0, 1e-4), "rtol", "0"),
                Arguments.of("StepController.pi(1e-3, NaN)", (ThrowingCallable) () -> StepController.pi(1e-3, Double.NaN), "atol", "NaN"),
                Arguments.of("controller on ddim", (ThrowingCallable) () -> Diffusion.sampler().target(Targets.gaussian(2))
                        .controller(StepController.pi(1e-3, 1e-4)).sample(2), "integrator", "ddim"),
                Arguments.of("ddpm with 2000 steps", (ThrowingCallable) () -> Diffusion.sampler().target(Targets.gaussian(2)).steps(2000).sample(2),
                        "steps", "2000"),
                Arguments.of("langevin stepSize(NaN)", (ThrowingCallable) () -> Langevin.sampler().stepSize(Double.NaN), "stepSize", "NaN"),
                Arguments.of("langevin friction(-1)", (ThrowingCallable) () -> Langevin.sampler().friction(-1), "friction", "-1"),
                Arguments.of("langevin steps(0)", (ThrowingCallable) () -> Langevin.sampler().steps(0), "steps", "0"),
                Arguments.of("langevin without potential", (ThrowingCallable) () -> Langevin.sampler().integrator(LangevinIntegrators.lmc()).sample(4),
                        "potential", "missing"),
                Arguments.of("Potentials.parse(doublewell:a=NaN)", (ThrowingCallable) () -> Potentials.parse("doublewell:a=NaN"), "a", "NaN"),
                Arguments.of("Potentials.parse(nope)", (ThrowingCallable) () -> Potentials.parse("nope"), "name", "nope"),
                Arguments.of("LangevinIntegrators.parse(plmc:K=0)", (ThrowingCallable) () -> LangevinIntegrators.parse("plmc:K=0"), "K", "0"),
                Arguments.of("TimeConvention.parse(index:N=0)", (ThrowingCallable) () -> TimeConvention.parse("index:N=0"), "N", "0"),
                Arguments.of("TimeConvention.parse(hours)", (ThrowingCallable) () -> TimeConvention.parse("hours"), "hours", "hours"),
                Arguments.of("Metrics.byName(l2)", (ThrowingCallable) () -> Metrics.byName("l2"), "l2", "l2"),
                Arguments.of("device tpu", (ThrowingCallable) () -> DiffLabRuntime.device("tpu"), "device", "tpu"),
                Arguments.of("device cuda:7", (ThrowingCallable) () -> DiffLabRuntime.device("cuda:7"), "device", "cuda:7"),
                Arguments.of("device null", (ThrowingCallable) () -> DiffLabRuntime.device(null), "device", "null"),
                Arguments.of("exact score of a wrong shape", (ThrowingCallable) () -> {
                    try (NDManager m = NDManager.newBaseManager()) {
                        Targets.gaussian(3).exactScore().predict(m.zeros(new Shape(4, 2)), Schedules.vp().level(0.5));
                    }
                }, "x", "2"),
                Arguments.of("TorchScript file missing", (ThrowingCallable) () -> TorchScriptModel.load(dir.resolve("none.pt"), new Shape(3, 8, 8),
                        Parameterization.EPS, TimeConvention.trainingIndex(1000)), "none.pt", "does not exist"),
                Arguments.of("TorchScript file corrupt", (ThrowingCallable) () -> TorchScriptModel.load(dir.resolve("corrupt.pt"), new Shape(3, 8, 8),
                        Parameterization.EPS, TimeConvention.trainingIndex(1000)), "corrupt.pt", "could not be loaded"),
                Arguments.of("UNet checkpoint missing", (ThrowingCallable) () -> UNetScoreModel.load(dir.resolve("none.ckpt"),
                        TimeConvention.trainingIndex(1000)), "none.ckpt", "none.ckpt"));
    }

    @BeforeAll
    static void measure() throws IOException {
        dir = Files.createTempDirectory("difflab-invalid");
        Files.writeString(dir.resolve("corrupt.pt"), "not a TorchScript archive\n");
        DiffLabRuntime.engine();
        passOverAll();
        liveBefore = liveTensors();
        nativeBefore = NativeMemory.nativeBytes();
    }

    /**
     * One pass over the whole set: before measuring, as the conformance suite warms up, so that the allocator pools the
     * set needs are resident before; then again after the tests, to see whether native memory grows pass after pass.
     * Native memory is resident minus the Java heap, which this test's JVM fixes and touches up front (surefire execution
     * pinned-heap): in a JVM whose heap grows, resident memory grew 116 MB over the set with no tensor alive, the heap
     * touching pages it had committed but not used.
     */
    private static void passOverAll() throws IOException {
        Stream.concat(cliSpecs(), cliOptions()).forEach(a -> Cli.run((String[]) a.get()[0]));
        Stream.concat(apiSpecs(), apiCalls()).forEach(a -> {
            try {
                ((ThrowingCallable) a.get()[1]).call();
            } catch (Throwable refused) {
                // what the tests below check
            }
        });
    }

    /** Every tensor alive in the process: the engine's system manager holds every manager, and they their tensors. */
    private static long liveTensors() {
        try (NDManager probe = NDManager.newBaseManager()) {
            return ((BaseNDManager) probe.getParentManager()).getManagedArrays().size();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiSpecs")
    void specsAreRefusedNamingKeyAndValue(String label, ThrowingCallable call, String key, String value) {
        assertThatThrownBy(call).as(label).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key).hasMessageContaining(value);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("apiCalls")
    void apiCallsAreRefusedNamingParameterAndValue(String label, ThrowingCallable call, String parameter, String value) {
        assertThatThrownBy(call).as(label).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(parameter)
                .hasMessageContaining(value);
    }

    static Stream<Arguments> hostileEnvironments() throws IOException {
        return HostileEnvironments.cases(dir);
    }

    /** Bad environment variables: exit 2 and one line naming the variable and its value, no stack trace (DIFFLAB_TRACE included). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileEnvironments")
    void badEnvironmentVariablesExitWith2InOneLine(String label, Map<String, String> environment, String[] args, String message) throws Exception {
        Cli r = HostileEnvironments.run(environment, args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().lines().filter(l -> !l.startsWith("WARNING") && !l.contains(" WARN ") && !l.contains(" INFO "))).as(r.err())
                .singleElement().asString().startsWith("difflab: error: ").contains(message);
    }

    static Stream<Arguments> interruptedCalls() {
        return InterruptedCalls.phases(dir);
    }

    /** Ctrl-C at each phase: exit 130, one line saying where it stopped, no output and no staged file left beside it. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("interruptedCalls")
    void anInterruptAtAnyPhaseExitsWith130InOneLineLeavingNoOutput(String phase, String[] args, long delayMillis, Path output) throws Exception {
        Cli r = InterruptedCalls.run(args, delayMillis);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ErrorReporter.INTERRUPTED);
        assertThat(r.err().lines().filter(l -> l.startsWith("difflab: "))).as(r.err()).singleElement().asString().startsWith("difflab: interrupted: ");
        assertThat(r.err()).doesNotContain("\tat ");
        try (Stream<Path> left = Files.list(output.getParent())) {
            assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(output.getFileName().toString()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"cliSpecs", "cliOptions"})
    void commandLinesExitWithCode2NamingOptionAndValue(String[] args, String parameter, String value) throws IOException {
        Cli r = Cli.run(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("difflab: error: ").contains(parameter).contains(value).doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
        try (Stream<Path> left = Files.walk(dir)) {
            assertThat(left.filter(p -> !Files.isDirectory(p)).map(p -> p.getFileName().toString())
                    .filter(f -> f.startsWith("out-") && !f.equals("out-file") || f.contains(".tmp-")))
                    .as("files written by a refused command").isEmpty();
        }
    }

    /**
     * No tensor is left, and native memory does not grow with every pass over the set: a leak grows each pass, while the
     * C allocator now and then keeps a one-off 64-100 MB more in its per-thread arenas (glibc's, 64 MB each) after a pass
     * that left no tensor alive (measured: 87 MB in 1 of 5 runs of a single pass, 0.2-1.6 MB in the others), so the
     * smallest growth of three passes is held to the limit.
     */
    @AfterAll
    static void noTensorOrNativeMemoryIsLeft() throws IOException {
        long[] growth = new long[PASSES];
        growth[0] = NativeMemory.nativeBytes() - nativeBefore;
        for (int pass = 1; pass < PASSES; pass++) {
            long before = NativeMemory.nativeBytes();
            passOverAll();
            growth[pass] = NativeMemory.nativeBytes() - before;
        }
        long live = liveTensors();
        String growths = Arrays.stream(growth).mapToObj(g -> String.format(Locale.ROOT, "%.1f", g / 1048576.0)).collect(Collectors.joining(", "));
        System.out.printf("invalid calls (after a warm-up pass over them): live tensors %d before, %d after %d more passes; native growth "
                + "per pass %s MB (limit %d MB on the smallest)%n", liveBefore, live, PASSES - 1, growths, NATIVE_LIMIT >> 20);
        assertThat(Runtime.getRuntime().totalMemory()).as("a pinned heap (-Xms = -Xmx), else its growth reads as native")
                .isEqualTo(Runtime.getRuntime().maxMemory());
        assertThat(live).as("live tensors after the invalid calls").isEqualTo(liveBefore);
        assertThat(Arrays.stream(growth).min().getAsLong()).as("native growth in bytes, the smallest of passes growing %s MB", growths)
                .isLessThan(NATIVE_LIMIT);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }
}
