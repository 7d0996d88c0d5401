package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the shutdown hook deletes: pending temporaries (a file, a folder with its files), never a released one. */
class LeftoversTest {

    @Test
    void pendingTemporariesAreDeletedAndReleasedOnesKept(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve(".a.tmp-out.csv"), "x0\n1\n");
        Path folder = Files.createDirectory(dir.resolve(".report.tmp-1"));
        Files.writeString(folder.resolve("REPORT.md"), "half");
        Path moved = Files.writeString(dir.resolve(".b.tmp-out.png"), "png");
        Leftovers.pending(file);
        Leftovers.pending(folder);
        Leftovers.pending(moved);
        Leftovers.release(moved);
        Leftovers.deleteAll();
        assertThat(file).doesNotExist();
        assertThat(folder).doesNotExist();
        assertThat(moved).exists();
    }
}
