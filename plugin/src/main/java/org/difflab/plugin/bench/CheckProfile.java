package org.difflab.plugin.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU time of a piece of work goes, by sampling with the JDK's flight recorder: every 10 ms the stack of each
 * thread running Java code or native code (the tensor library) is taken, and each sample is put in the first part of
 * the work its stack is in (engine start, report drawing, the exact evaluator's counting pass, its probe pass, fits,
 * metrics, sampling runs, other claim code, the rest), and also counted under what it is doing at the top of its stack
 * (inside a model call; creating a tensor from Java values; in a native tensor operation). {@code difflab bench --only
 * check} profiles the default {@code difflab check} this way (docs/performance.md has the table).
 */
public final class CheckProfile {
    /** A part of the work: a sample belongs to it when any frame's "class.method" starts with one of the prefixes. */
    private record Part(String name, List<String> prefixes) {
        boolean contains(List<String> frames) {
            return frames.stream().anyMatch(f -> prefixes.stream().anyMatch(f::startsWith));
        }
    }

    private static final String THEORY = "org.difflab.theory.";
    private static final List<Part> PARTS = List.of(
            new Part("JVM and engine start, catalogue set-up", List.of("org.difflab.runtime.DiffLabRuntime.engine",
                    "org.difflab.theory.claims.Catalogue.<clinit>")),
            new Part("report drawing and writing", List.of(THEORY + "report.")),
            new Part("exact evaluator: counting pass", List.of(THEORY + "exact.ExactEvaluator.countingRun")),
            new Part("exact evaluator: probe pass", List.of(THEORY + "exact.ExactEvaluator")),
            new Part("fits (orders, power laws, rates)", List.of(THEORY + "convergence.OrderFit", THEORY + "complexity.ComplexityFit",
                    THEORY + "parallel.PowerFit", "org.difflab.dsl.hierarchy.GammaFit")),
            new Part("metrics (exact and Monte Carlo)", List.of(THEORY + "metric.", THEORY + "montecarlo.")),
            new Part("sampling runs (Monte Carlo, Langevin, strong error)", List.of("org.difflab.dsl.")),
            new Part("other claim code", List.of(THEORY)));
    private static final String REST = "other (JVM, JIT, GC, command line)";
    private static final Part MODEL = new Part("  of all: inside a model call", List.of("org.difflab.dsl.integrator.RunContext.predict",
            "org.difflab.dsl.integrator.RunContext.score", "org.difflab.dsl.integrator.RunContext.drift"));
    // DJL's creation from a buffer or a fill, or the engine's copy of a run's staging tensor (Scalars.copyOf, four frames down)
    private static final Part CREATE = new Part("  of all: creating a tensor from Java values (scalars, constants)",
            List.of("ai.djl.pytorch.jni.JniUtils.createNdFromByteBuffer", "ai.djl.pytorch.jni.JniUtils.full", "org.difflab.dsl.tensor.Scalars.copyOf"));
    private static final Part NATIVE = new Part("  of all: in the tensor library (native)", List.of("ai.djl.pytorch.jni.PyTorchLibrary."));

    private final Map<String, Integer> counts = new LinkedHashMap<>();
    private int samples;

    /** An empty profile (samples are added with {@link #add}). */
    CheckProfile() {
        PARTS.forEach(p -> counts.put(p.name(), 0));
        counts.put(REST, 0);
        List.of(MODEL, CREATE, NATIVE).forEach(p -> counts.put(p.name(), 0));
    }

    /** Runs {@code work} under the flight recorder and returns its profile. */
    public static CheckProfile of(Runnable work) {
        Path file;
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(10));
            recording.setToDisk(true);
            recording.start();
            try {
                work.run();
            } finally {
                recording.stop();
            }
            file = Files.createTempFile("difflab-check-profile", ".jfr");
            recording.dump(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the flight recording of the profile: " + e.getMessage(), e);
        }
        try {
            return read(file);
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left behind: nothing to report to the user
            }
        }
    }

    /**
     * The profile of a flight recording made elsewhere, e.g. of a whole {@code difflab check} run with
     * {@code DIFFLAB_JAVA_OPTS=-XX:StartFlightRecording=filename=check.jfr,settings=profile} (its execution and native samples).
     */
    public static CheckProfile read(Path file) {
        try {
            CheckProfile profile = new CheckProfile();
            for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                String type = e.getEventType().getName();
                if (e.getStackTrace() != null && (type.equals("jdk.ExecutionSample") || type.equals("jdk.NativeMethodSample"))) {
                    profile.add(e.getStackTrace().getFrames().stream().map(CheckProfile::name).toList());
                }
            }
            return profile;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the flight recording " + file + ": " + e.getMessage(), e);
        }
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** One sample's stack, innermost frame first. */
    void add(List<String> frames) {
        samples++;
        String part = PARTS.stream().filter(p -> p.contains(frames)).map(Part::name).findFirst().orElse(REST);
        counts.merge(part, 1, Integer::sum);
        if (MODEL.contains(frames)) {
            counts.merge(MODEL.name(), 1, Integer::sum);
        }
        if (!frames.isEmpty() && CREATE.contains(frames.subList(0, Math.min(4, frames.size())))) {
            counts.merge(CREATE.name(), 1, Integer::sum);
        }
        if (!frames.isEmpty() && NATIVE.contains(frames.subList(0, 1))) {
            counts.merge(NATIVE.name(), 1, Integer::sum);
        }
    }

    /** The number of samples taken. */
    public int samples() {
        return samples;
    }

    /** Share of the samples (percent) per part, in report order; the "of all" lines overlap the parts. */
    public Map<String, Double> shares() {
        Map<String, Double> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k, samples == 0 ? 0 : 100.0 * v / samples));
        return out;
    }

    /** The profile as bench rows of the section {@code check profile}. */
    public List<BenchRow> rows() {
        List<BenchRow> out = new ArrayList<>();
        shares().forEach((k, v) -> out.add(new BenchRow("check profile", k, "share of " + samples + " CPU samples", "%", new Spread(v, v, v))));
        return out;
    }
}
