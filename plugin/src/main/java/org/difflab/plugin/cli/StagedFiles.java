package org.difflab.plugin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The output files of one command, written whole or not at all: each is written to a hidden temporary name beside its
 * target (the same extension, since chart encoders append theirs), and only {@link #commit()} moves them all into place.
 * Closing without a commit (a failure, an interrupt) deletes the temporaries: no half-written file and no stray output
 * of a command with several.
 */
final class StagedFiles implements AutoCloseable {
    /** Writes the content to the path it is given. */
    @FunctionalInterface
    interface Writer {
        void write(Path file) throws IOException;
    }

    private final Map<Path, Path> staged = new LinkedHashMap<>();

    /** Writes {@code target}'s content to its temporary name now. */
    StagedFiles stage(String option, Path target, Writer writer) {
        Path absolute = target.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + UUID.randomUUID().toString().substring(0, 8) + ".tmp-" + absolute.getFileName());
        staged.put(temp, absolute);
        Leftovers.pending(temp);
        try {
            writer.write(temp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + option + " = " + target + ": " + e.getMessage(), e);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("stopped while writing " + option + " = " + target + "; nothing was written");
        }
        return this;
    }

    /** Moves every staged file into place (atomically where the file system can). */
    void commit() {
        for (Map.Entry<Path, Path> e : staged.entrySet()) {
            try {
                try {
                    Files.move(e.getKey(), e.getValue(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(e.getKey(), e.getValue(), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException io) {
                throw new UncheckedIOException("cannot move " + e.getKey() + " to " + e.getValue() + ": " + io.getMessage(), io);
            }
            Leftovers.release(e.getKey());
        }
        staged.clear();
    }

    /** Deletes what was staged and not committed. */
    @Override
    public void close() {
        for (Path temp : staged.keySet()) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // the command already failed; that failure is what is reported
            }
            Leftovers.release(temp);
        }
        staged.clear();
    }
}
