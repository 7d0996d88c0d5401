package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on {@code difflab bench} (issue 26): the interrupt lands as the integrators section starts (its first progress
 * line interrupts the command's thread, as CtrlC does); the section's run stops at its next step end, the overhead
 * section measured before is printed, the exit code is 130 with one line saying what was kept, and --json is not
 * written.
 */
class BenchInterruptionTest {
    @Test
    void keepsTheSectionsMeasuredBeforeAndWritesNoJson(@TempDir Path dir) throws IOException {
        Path json = dir.resolve("bench.json");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter() {
            @Override
            public void write(String s, int off, int len) {
                super.write(s, off, len);
                if (s.startsWith("bench: integrators:")) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        int code = DiffLabCommand.newCommandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("bench", "--only", "overhead,integrators", "--repeats", "2", "--steps", "3", "--shapes", "1x16", "--json", json.toString());
        assertThat(Thread.interrupted()).as("the flag is consumed by the run").isFalse();
        assertThat(code).as(err.toString()).isEqualTo(130);
        assertThat(out.toString()).containsPattern("overhead +ddim 1x16 +DiffLab +[0-9.]+").doesNotContain("integrators ");
        assertThat(err.toString().lines().filter(l -> l.startsWith("difflab:")).toList()).singleElement().asString()
                .startsWith("difflab: interrupted: bench was interrupted in section integrators (")
                .contains("was interrupted after step 1 of 3")
                .endsWith("; the table holds the sections measured before: overhead; " + json + " was not written");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("files left in the folder").isEmpty();
        }
    }
}
