package org.difflab.plugin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * A command's output folder filled whole or not at all (issue 26): the files are written into a hidden temporary
 * folder beside the target folder, and moved into it (each move atomic where the file system can) only when every
 * file is written. A failure or an interrupt while writing leaves the target folder as it was and removes the
 * temporary one; files already in the target folder that the command does not write are kept.
 */
final class StagedFolder {
    private StagedFolder() {
    }

    /**
     * Lets {@code writer} write into a temporary folder (it returns the files it wrote there), then moves them into
     * {@code dir} and returns their paths in {@code dir}.
     *
     * @throws CancellationException when the thread was interrupted while writing (its flag is kept); nothing is moved
     */
    static List<Path> write(String option, Path dir, Function<Path, List<Path>> writer) {
        Path target = dir.toAbsolutePath().normalize();
        Path staging = null;
        try {
            staging = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
            Leftovers.pending(staging);
            List<Path> written = writer.apply(staging);
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("stopped while writing " + option + " = " + dir + "; nothing was written");
            }
            Files.createDirectories(target);
            List<Path> moved = new ArrayList<>(written.size());
            for (Path f : written) {
                Path to = target.resolve(staging.relativize(f.toAbsolutePath().normalize()).toString());
                try {
                    Files.move(f, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException notAtomic) {
                    Files.move(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
                moved.add(dir.resolve(to.getFileName()));
            }
            return moved;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + option + " = " + dir + ": " + e.getMessage(), e);
        } finally {
            Leftovers.deleteTree(staging);
            if (staging != null) {
                Leftovers.release(staging);
            }
        }
    }
}
