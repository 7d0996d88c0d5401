package org.difflab.plugin.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A temporary folder a benchmark writes into (a report, a standalone cluster's work files), deleted with everything
 * in it on {@link #close}. Two policies: {@code mustDelete} fails the benchmark when the folder cannot be deleted
 * (a report folder: nothing else writes there), otherwise what cannot be deleted is left behind (a cluster's daemons
 * may still be letting go of their files when it stops, and the benchmark's rows matter more than a leftover).
 */
public final class ScratchFolder implements AutoCloseable {
    private final Path path;
    private final String purpose;
    private final boolean mustDelete;

    // alike Cluster's constructor in form only: both store their own fields
    private ScratchFolder(Path path, String purpose, boolean mustDelete) {
        this.path = path;
        this.purpose = purpose;
        this.mustDelete = mustDelete;
    }

    /** Creates a folder named {@code prefix...} in the system's temporary folder; {@code purpose} names it in errors. */
    public static ScratchFolder create(String prefix, String purpose, boolean mustDelete) {
        try {
            return new ScratchFolder(Files.createTempDirectory(prefix), purpose, mustDelete);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + purpose + ": " + e.getMessage(), e);
        }
    }

    /** The folder. */
    public Path path() {
        return path;
    }

    /** Deletes the folder and what it holds, failing or leaving it behind as the policy says. */
    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            if (mustDelete) {
                throw new UncheckedIOException("could not delete " + purpose + " " + path + ": " + e.getMessage(), e);
            }
        }
    }
}
