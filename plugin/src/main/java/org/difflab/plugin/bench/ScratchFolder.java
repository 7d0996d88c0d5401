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
 * may still be letting go of their files when it stops, and the benchmark's rows matter more than a leftover). A record
 * of the folder, the words that name it in errors and its policy; {@link #create} makes a new folder.
 *
 * @param path       the folder
 * @param purpose    what the folder is for, as errors name it
 * @param mustDelete whether {@link #close} fails when the folder cannot be deleted
 */
public record ScratchFolder(Path path, String purpose, boolean mustDelete) implements AutoCloseable {

    /** Creates a folder named {@code prefix...} in the system's temporary folder; {@code purpose} names it in errors. */
    public static ScratchFolder create(String prefix, String purpose, boolean mustDelete) {
        try {
            return new ScratchFolder(Files.createTempDirectory(prefix), purpose, mustDelete);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + purpose + ": " + e.getMessage(), e);
        }
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
