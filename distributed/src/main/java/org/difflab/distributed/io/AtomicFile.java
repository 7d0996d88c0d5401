package org.difflab.distributed.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a file whole or not at all: into a temporary file beside it, then moved over it in one step (atomically where
 * the file system can), so that a reader, or a run that fails half-way, never sees half a file.
 */
public final class AtomicFile {
    /** Writes the content to a path. */
    @FunctionalInterface
    public interface Writer {
        void write(Path file) throws IOException;
    }

    private AtomicFile() {}

    /**
     * Writes {@code target} through {@code writer}, which creates and writes the temporary path it is given (a hidden
     * name in the target's folder; created by the writer, so with the usual permissions).
     *
     * @throws UncheckedIOException naming the target when writing or moving fails (the temporary file is removed)
     */
    public static void write(Path target, Writer writer) {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = dir.resolve("." + absolute.getFileName() + "." + UUID.randomUUID() + ".part");
            writer.write(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    // the write already failed; that failure is what is reported
                }
            }
        }
    }
}
