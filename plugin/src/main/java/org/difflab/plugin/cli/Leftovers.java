package org.difflab.plugin.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The temporary files and folders of outputs still being written ({@link StagedFiles}, {@link StagedFolder}), deleted
 * by a shutdown hook if the process ends before they are moved into place or cleaned up: a second Ctrl-C ends the JVM
 * at once (through its own handler, which runs shutdown hooks), and without this a 40 MB hidden temporary of a streamed
 * {@code --out} stayed behind (measured). A kill -9 or a power cut still leaves them: nothing in the process runs then.
 */
final class Leftovers {
    private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Leftovers::deleteAll, "difflab-leftovers"));
    }

    private Leftovers() {}

    /** A temporary that the shutdown hook deletes unless {@link #release} is called first. */
    static void pending(Path temp) {
        PENDING.add(temp);
    }

    /** The temporary was moved into place or deleted: the hook leaves its path alone. */
    static void release(Path temp) {
        PENDING.remove(temp);
    }

    /** Deletes every pending temporary (a folder with what it holds) and forgets them. */
    static void deleteAll() {
        for (Path p : PENDING) {
            deleteTree(p);
            PENDING.remove(p);
        }
    }

    /** Deletes a file, or a folder and what it holds; what cannot be deleted is left (the command's outcome is reported). */
    static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // best effort: the process is failing or ending already
        }
    }
}
