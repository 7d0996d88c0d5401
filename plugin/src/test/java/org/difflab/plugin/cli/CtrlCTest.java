package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Ctrl-C on {@code difflab sample}: a real process of the command line, sent SIGINT (or SIGTERM, taken the same way) in
 * the middle of a million-step run, stops after the current step, says where, and exits with 130.
 */
class CtrlCTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"INT | Ctrl-C again to quit at once", "TERM | a second SIGTERM quits at once"})
    void theSignalStopsALongRunAfterItsCurrentStepAndSaysWhere(String signal, String again) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        // A job started in the background of a non-interactive shell (as CI runners often start builds) inherits SIGINT
        // ignored, and the JVM then leaves Ctrl-C alone, as shells expect of background jobs; coreutils' env restores the
        // default disposition so that the test sees what a terminal user sees.
        ProcessBuilder pb = new ProcessBuilder("env", "--default-signal=INT", java, "-Dai.djl.offline=true", "-Dai.djl.pytorch.graph_optimizer=false", "-cp", classPath,
                DiffLabCommand.class.getName(), "sample", "--target", "gaussian:d=2", "--schedule", "vp", "--integrator", "ddim",
                "--steps", "1000000", "--n", "16", "--progress");
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        List<String> err = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("ddim 1/1000000 steps")) {
                err.add(line);
            }
            assertThat(line).as("the run started: %s", err).isNotNull();
            new ProcessBuilder("sh", "-c", "kill -" + signal + " " + p.pid()).inheritIO().start().waitFor(); // the shell's kill: /bin/kill may be absent
            while ((line = in.readLine()) != null) {
                err.add(line);
            }
        } finally {
            if (!p.waitFor(120, TimeUnit.SECONDS)) { // a guard against a hang, not a timing
                p.destroyForcibly();
            }
        }
        String all = String.join("\n", err);
        assertThat(p.exitValue()).as(all).isEqualTo(ErrorReporter.INTERRUPTED);
        assertThat(all).contains("difflab: stopping after the current step (" + again + ")")
                .containsPattern("difflab: interrupted: ddim was interrupted after step \\d+ of 1000000 \\(t = [0-9.E-]+\\); the run was stopped")
                .doesNotContain("Exception");
    }
}
