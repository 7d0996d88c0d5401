package org.difflab.plugin.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;
import org.difflab.dsl.Require;
import org.difflab.plugin.bench.BatchShape;
import org.difflab.plugin.bench.BenchRow;
import org.difflab.plugin.bench.ScratchFolder;
import org.difflab.plugin.bench.CheckProfile;
import org.difflab.plugin.bench.ClusterBench;
import org.difflab.plugin.bench.ExactBench;
import org.difflab.plugin.bench.IntegratorSweep;
import org.difflab.plugin.bench.OverheadBench;
import org.difflab.plugin.bench.Spread;
import org.difflab.plugin.bench.TargetsBench;
import org.difflab.plugin.bench.UNetBench;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.theory.report.Json;
import org.difflab.theory.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code difflab bench}: DiffLab's own cost, measured as ratios within one process (a shared machine's load changes
 * absolute times from run to run): the per-step overhead of seven samplers against a raw DJL loop, plain Java arrays and
 * a plain PyTorch loop, every registered integrator's time per step outside its model calls, the exact evaluator's
 * throughput, the targets' exact scores' cost per step, UNet sampling throughput and the share of wall time outside the network, and on request
 * the time of the default {@code difflab check}. Prints a table of medians with their lowest and highest values over the
 * repeats, and writes the same as JSON with {@code --json}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Benchmark DiffLab's overhead and throughput (ratios measured in one process; medians and spreads over repeats)."})
final class BenchCommand implements Callable<Integer> {
    /** Steps of the timed runs when --steps is not given (the 200-step comparison). */
    static final int STEPS = 200;

    /** Steps of the exact section's evaluations when --steps is not given (the 1000-step run). */
    static final int EXACT_STEPS = 1000;

    private static final List<String> SECTIONS = List.of("overhead", "integrators", "exact", "targets", "unet", "check", "cluster");

    // own options: alike in form to other commands', but names, defaults and help texts differ (a shared @Mixin would change --help)
    @Option(names = "--only", split = ",", paramLabel = "SECTION", description = "Sections to run: overhead, integrators, exact, targets, "
            + "unet, check, cluster (default: the first five; check runs the default 'difflab check', cluster a sweep on local[1], local[2] and a "
            + "standalone cluster on 127.0.0.1: minutes each).")
    List<String> only;

    @Option(names = "--repeats", defaultValue = "5", paramLabel = "N", description = "Timed repeats of each case, after two warm-ups (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--steps", paramLabel = "N", description = "Steps of every run of the overhead, integrators, exact and targets sections "
            + "(default: " + STEPS + ", and " + EXACT_STEPS + " in the exact section, the issue's run).")
    Integer steps;

    @Option(names = "--unet-steps", defaultValue = "10", paramLabel = "N", description = "Steps of the UNet runs (default: ${DEFAULT-VALUE}).")
    int unetSteps;

    @Option(names = "--shapes", split = ",", defaultValue = "64x2,1024x16", paramLabel = "BxD", description = "Batch shapes of the "
            + "overhead section, BxD or BxCxHxW (default: ${DEFAULT-VALUE}; the issue's third shape, 64x3x32x32, takes minutes).")
    List<String> shapes;

    @Option(names = "--unet-batches", split = ",", defaultValue = "1,16,64", paramLabel = "B,B,...", description = "Batch sizes of the UNet section (default: ${DEFAULT-VALUE}).")
    int[] unetBatches;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE (for tracking over time).")
    Path json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Require.inRange("--repeats", repeats, 1, 1000);
        if (steps != null) {
            Require.inRange("--steps", steps, 2, 1000);
        }
        Require.inRange("--unet-steps", unetSteps, 2, 1000);
        List<BatchShape> batchShapes = BatchShape.parse("--shapes", shapes);
        checkBatches("--unet-batches", unetBatches);
        List<String> sections = only == null ? SECTIONS.subList(0, 5) : only;
        for (String s : sections) {
            if (!SECTIONS.contains(s)) {
                throw new IllegalArgumentException("--only = " + String.join(",", sections) + " is not allowed: sections are "
                        + String.join(", ", SECTIONS));
            }
        }
        budget(sections, batchShapes);
        if (json != null) {
            OutputPaths.file("--json", json, ".json");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Consumer<String> progress = line -> {
            err.println("bench: " + line);
            err.flush();
        };
        int threads = DiffLabRuntime.threads();
        long start = System.nanoTime();
        List<BenchRow> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> measured = new ArrayList<>();
        for (String section : SECTIONS) {
            if (!sections.contains(section)) {
                continue;
            }
            try {
                if (Thread.interrupted()) {
                    throw new CancellationException("before it started");
                }
                rows.addAll(section(section, batchShapes, threads, progress, notes::add));
                measured.add(section);
            } catch (CancellationException stopped) { // Ctrl-C: the sections measured before are kept and printed
                out.print(table(rows));
                out.flush();
                throw new CancellationException("bench was interrupted in section " + section + " (" + stopped.getMessage() + "); "
                        + (measured.isEmpty() ? "no section was measured" : "the table holds the sections measured before: "
                        + String.join(", ", measured)) + (json == null ? "" : "; " + json + " was not written"));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(Locale.ROOT, "difflab bench: %d repeats after %d warm-ups, %d intra-op thread(s), %d processors, %.0f s%n%n", repeats, OverheadBench.WARM_UPS,
                threads, Runtime.getRuntime().availableProcessors(), seconds);
        out.print(table(rows));
        notes.forEach(n -> out.println("note: " + n));
        out.flush();
        if (json != null) {
            write(json, rows, notes, threads, seconds);
            out.println("wrote " + json);
            out.flush();
        }
        return 0;
    }

    /** The rows of one section; each run in it stops at its next step end when the thread is interrupted. */
    private List<BenchRow> section(String section, List<BatchShape> batchShapes, int threads, Consumer<String> progress, Consumer<String> notes) {
        return switch (section) {
            case "overhead" -> OverheadBench.run(batchShapes, timedSteps(STEPS), repeats, threads, progress, notes);
            case "integrators" -> IntegratorSweep.run(16, 64, timedSteps(STEPS), repeats, progress);
            case "exact" -> {
                int steps = timedSteps(EXACT_STEPS);
                if (steps == EXACT_STEPS) {
                    notes.accept(ExactBench.BEFORE);
                }
                yield ExactBench.run(steps, repeats, progress);
            }
            case "targets" -> TargetsBench.run(timedSteps(STEPS), repeats, progress);
            case "unet" -> UNetBench.run(unetBatches, unetSteps, repeats, progress);
            case "check" -> checkTime(progress);
            case "cluster" -> ClusterBench.run(repeats, progress);
            default -> throw new IllegalStateException("no section " + section);
        };
    }

    /** --steps where given, else the section's default. */
    private int timedSteps(int sectionDefault) {
        return steps == null ? sectionDefault : steps;
    }

    /**
     * Native memory per sample of the UNet section's sampling run (the zoo's width-16 UNet on 16x16 RGB, float32), measured:
     * {@code bench --only unet --unet-batches 1024} peaked at 2.9 GB resident against about 0.9 GB for the engine alone
     * (DJL keeps a forward pass's intermediate arrays until its scope closes), about 2 MB per sample.
     */
    static final double UNET_BYTES_PER_SAMPLE = 2e6;

    /** Refuses, before any section runs, batch sizes whose tensors cannot fit ({@link Budget}). */
    private void budget(List<String> sections, List<BatchShape> batchShapes) {
        Budget b = new Budget();
        if (sections.contains("overhead")) {
            BatchShape largest = batchShapes.stream().max(Comparator.comparingLong(x -> (long) x.batch() * x.dim())).orElseThrow();
            RequestSize.batch(b, largest.batch(), largest.dim(), Double.BYTES, false);
        }
        if (sections.contains("unet")) {
            int largest = Arrays.stream(unetBatches).max().orElse(1);
            b.tensors("UNet activations of a batch of " + largest + " (about 2 MB per sample, measured)", UNET_BYTES_PER_SAMPLE * largest);
        }
        b.check("bench --shapes " + String.join(",", shapes) + " --unet-batches "
                + Arrays.toString(unetBatches).replaceAll("[\\[\\] ]", ""), "--unet-batches or --shapes (or leave the section out with --only)");
    }

    private static void checkBatches(String option, int[] values) {
        for (int b : values) {
            if (b < 1 || b > 65536) {
                throw new IllegalArgumentException(option + " = " + Arrays.toString(values).replaceAll("[\\[\\] ]", "")
                        + " is not allowed: batch sizes must be integers in [1, 65536]");
            }
        }
    }

    /**
     * The wall time of the default {@code difflab check} in this process, each claim's time, and where the CPU time went
     * ({@link CheckProfile}); its report in a temporary folder deleted after.
     */
    private List<BenchRow> checkTime(Consumer<String> progress) {
        progress.accept("check: the default 'difflab check' under the flight recorder (minutes)");
        try (ScratchFolder folder = ScratchFolder.create("difflab-bench-check", "the report folder of 'difflab check'", true)) {
            Path report = folder.path();
            long start = System.nanoTime();
            int[] code = new int[1];
            CheckProfile profile = CheckProfile.of(() -> code[0] = DiffLabCommand.newCommandLine().setOut(new PrintWriter(new StringWriter()))
                    .setErr(new PrintWriter(new StringWriter())).execute("check", "--report", report.toString()));
            double seconds = (System.nanoTime() - start) / 1e9;
            List<BenchRow> out = new ArrayList<>();
            out.add(new BenchRow("check", "difflab check (exit " + code[0] + ")", "wall time", "s", new Spread(seconds, seconds, seconds)));
            ReportWriter.previousTimings(report).entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .forEach(t -> out.add(new BenchRow("check claims", t.getKey(), "wall time", "s", new Spread(t.getValue(), t.getValue(), t.getValue()))));
            out.addAll(profile.rows());
            return out;
        }
    }

    static String table(List<BenchRow> rows) {
        TextTable t = new TextTable("section", "case", "metric", ">median", ">low", ">high", "unit");
        for (BenchRow r : rows) {
            t.row(r.section(), r.subject(), r.metric(), number(r.value().median()), number(r.value().low()), number(r.value().high()), r.unit());
        }
        return t.render();
    }

    /** Three significant digits, without exponent for the magnitudes benchmarks produce. */
    private static String number(double v) {
        double a = Math.abs(v);
        return String.format(Locale.ROOT, a >= 1000 ? "%.0f" : a >= 100 ? "%.1f" : a >= 10 ? "%.2f" : "%.3f", v);
    }

    private static void write(Path file, List<BenchRow> rows, List<String> notes, int threads, double seconds) {
        List<Object> list = new ArrayList<>();
        for (BenchRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("section", r.section());
            m.put("case", r.subject());
            m.put("metric", r.metric());
            m.put("unit", r.unit());
            m.put("median", r.value().median());
            m.put("low", r.value().low());
            m.put("high", r.value().high());
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("threads", threads);
        doc.put("processors", Runtime.getRuntime().availableProcessors());
        doc.put("seconds", seconds);
        doc.put("rows", list);
        doc.put("notes", notes);
        try (StagedFiles files = new StagedFiles()) {
            files.stage("--json", file, temp -> Files.writeString(temp, Json.write(doc) + System.lineSeparator()));
            files.commit();
        }
    }
}
