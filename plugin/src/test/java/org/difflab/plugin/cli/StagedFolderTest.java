package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An output folder (sweep --out) is filled whole or not at all, and no temporary folder is left beside it. */
class StagedFolderTest {
    private static List<Path> twoFiles(Path dir) {
        try {
            return List.of(Files.writeString(dir.resolve("a.csv"), "a\n"), Files.writeString(dir.resolve("b.json"), "{}"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyFileIsMovedIntoPlaceBesideTheFolderFilesItDoesNotWrite(@TempDir Path root) throws IOException {
        Path out = root.resolve("sweep");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("a.csv"), "old");
        List<Path> files = StagedFolder.write("--out", out, StagedFolderTest::twoFiles);
        assertThat(files).containsExactly(out.resolve("a.csv"), out.resolve("b.json"));
        assertThat(names(out)).containsExactly("a.csv", "b.json", "notes.txt");
        assertThat(Files.readString(out.resolve("a.csv"))).isEqualTo("a\n");
        assertThat(names(root)).containsExactly("sweep");
    }

    @Test
    void aFailureAfterTheFirstFileLeavesTheFolderAsItWas(@TempDir Path root) throws IOException {
        Path out = root.resolve("sweep");
        assertThatThrownBy(() -> StagedFolder.write("--out", out, dir -> {
            twoFiles(dir);
            throw new IllegalStateException("the plot failed");
        })).hasMessage("the plot failed");
        assertThat(names(root)).as("no folder, no temporary folder").isEmpty();
    }

    @Test
    void anInterruptWhileWritingMovesNothing(@TempDir Path root) throws IOException {
        Path out = root.resolve("sweep");
        Files.createDirectories(out);
        try {
            assertThatThrownBy(() -> StagedFolder.write("--out", out, dir -> {
                List<Path> written = twoFiles(dir);
                Thread.currentThread().interrupt(); // Ctrl-C lands while the files are written
                return written;
            })).isInstanceOf(CancellationException.class).hasMessage("stopped while writing --out = " + out + "; nothing was written");
            assertThat(Thread.currentThread().isInterrupted()).as("the flag is kept for the caller").isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(names(out)).isEmpty();
        assertThat(names(root)).containsExactly("sweep");
    }
}
