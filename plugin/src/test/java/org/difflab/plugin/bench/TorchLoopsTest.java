package org.difflab.plugin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.schedule.Schedules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without a Python that imports torch the PyTorch column is left out with a reason that names each Python tried; with
 * one, each run is one request line and one reply line, and closing ends the Python and deletes the script's file.
 */
class TorchLoopsTest {

    @Test
    void aMissingPythonIsNamedWithTheWayToGetOne() {
        TorchLoops.Started s = TorchLoops.start(1, List.of("/nonexistent/python3"));
        assertThat(s.loops()).isNull();
        assertThat(s.reason()).contains("/nonexistent/python3: cannot be started").contains("python3-torch").contains(TorchLoops.PYTHON_ENVIRONMENT);
    }

    @Test
    void aPythonWithoutTorchIsNamedWithItsImportError() {
        // a Python that exits at once, as one without torch does after its error line: here `false` stands for it
        TorchLoops.Started s = TorchLoops.start(1, List.of("false"));
        assertThat(s.loops()).isNull();
        assertThat(s.reason()).contains("false: exited without an answer");
    }

    // the Python runs with glibc's malloc thresholds fixed (or those given to DiffLab): its large-shape steps otherwise
    // differ up to 3.5x from one Python process to the next
    @Test
    void thePythonRunsWithFixedMallocThresholds(@TempDir Path dir) throws IOException {
        Path python = dir.resolve("python");
        Files.writeString(python, "#!/bin/sh\necho \"ready $GLIBC_TUNABLES\"\nwhile read -r line; do echo 0; done\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));
        String given = System.getenv("GLIBC_TUNABLES");
        try (TorchLoops loops = TorchLoops.start(1, List.of(python.toString())).loops()) {
            assertThat(loops.version()).isEqualTo(given == null ? TorchLoops.MALLOC_TUNABLES : given);
        }
    }

    @Test
    void aRunIsOneRequestLineAndOneReplyAndCloseDeletesTheScript(@TempDir Path dir) throws IOException {
        // stands in for a Python with torch: says ready, notes the script it was given, answers each request with its word count
        Path python = dir.resolve("python");
        Files.writeString(python, "#!/bin/sh\necho \"$2\" > " + dir.resolve("script-path") + "\necho 'ready 0.0-fake'\n"
                + "while read -r line; do set -- $line; echo \"$#\"; done\n");
        Files.setPosixFilePermissions(python, PosixFilePermissions.fromString("rwx------"));
        TorchLoops.Started s = TorchLoops.start(1, List.of(python.toString()));
        assertThat(s.reason()).isNull();
        Path script;
        try (TorchLoops loops = s.loops()) {
            assertThat(loops.version()).isEqualTo("0.0-fake");
            // integrator, batch, dim, variance, seed, steps, then alpha, sigma, t, drift and g^2 at each of the 3 grid points
            assertThat(loops.seconds("ddim", Grids.uniform(2).on(Schedules.ddpm()), 4, 2, 0.5, 7)).isEqualTo(21.0);
            script = Path.of(Files.readString(dir.resolve("script-path")).strip());
            assertThat(script).exists();
        }
        assertThat(script).doesNotExist();
    }
}
