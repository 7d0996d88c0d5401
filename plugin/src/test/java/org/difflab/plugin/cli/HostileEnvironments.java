package org.difflab.plugin.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Environment variables the code reads ({@code System.getenv}: OMP_NUM_THREADS, DIFFLAB_CACHE, DIFFLAB_TRACE; TERM only
 * chooses the progress bar) with bad values, each in its own process of the command line (an environment cannot be
 * changed in-process). DIFFLAB_JAVA_OPTS is read by the launcher script, which checks it with {@code java -version}
 * before starting DiffLab; that needs the built launcher and is checked by hand (docs/failure-behaviour.md).
 */
final class HostileEnvironments {
    private HostileEnvironments() {}

    /** Cases: label, environment, command line, what the one error line must contain. */
    static Stream<Arguments> cases(Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("env-cache-file"), "not a folder");
        return Stream.of(
                // a command that starts the engine (`list` starts none since it only reads the registries)
                Arguments.of("OMP_NUM_THREADS=abc", Map.of("OMP_NUM_THREADS", "abc"), new String[] {"eval", "--schedule", "vp",
                        "--grid", "logsnr", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps", "2"},
                        "OMP_NUM_THREADS = abc is not allowed: must be an integer >= 1"),
                Arguments.of("DIFFLAB_CACHE=a file", Map.of("DIFFLAB_CACHE", file.toString()), new String[] {"train", "--list"},
                        "DIFFLAB_CACHE = " + file + " is not allowed: " + file + " is a file; the zoo cache needs a folder"),
                Arguments.of("DIFFLAB_TRACE=1 on a usage error", Map.of("DIFFLAB_TRACE", "1"), new String[] {"sample", "--target", "gaussian:d=2",
                        "--integrator", "nosuch", "--steps", "3", "--n", "2"}, "name = nosuch is not allowed"));
    }

    /** Runs the command line in a new JVM with {@code environment} added; returns its exit code and standard error. */
    static Cli run(Map<String, String> environment, String[] args) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-Dai.djl.offline=true", "-cp", classPath, DiffLabCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(environment);
        Process p = pb.start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) { // a guard against a hang, not a timing
            p.destroyForcibly();
        }
        return new Cli(p.exitValue(), "", err);
    }
}
