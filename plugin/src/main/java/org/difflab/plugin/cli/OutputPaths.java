package org.difflab.plugin.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.difflab.theory.report.ReportWriter;

/**
 * Output paths checked before any work: not empty (picocli reads {@code --report ""} as the current folder), a file
 * option not a folder and in a folder that can be written, a folder option creatable and writable, with the right file
 * extension. A command calls these first, so a bad path costs nothing and leaves nothing behind.
 */
final class OutputPaths {
    private OutputPaths() {}

    /** A file output: checked as above; {@code extensions} (lower case, with the dot) are the names allowed, none for any. */
    static Path file(String option, Path file, String... extensions) {
        notEmpty(option, file);
        if (extensions.length > 0) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean allowed = false;
            for (String e : extensions) {
                allowed |= name.endsWith(e) && name.length() > e.length();
            }
            if (!allowed) {
                throw new IllegalArgumentException(option + " = " + file + " is not allowed: must be a file name ending in "
                        + String.join(" or ", extensions));
            }
        }
        ReportWriter.requireWritableFile(file, option);
        return file;
    }

    /** A folder output (created when the command writes it). */
    static Path folder(String option, Path folder) {
        notEmpty(option, folder);
        ReportWriter.requireWritable(folder, option);
        return folder;
    }

    private static void notEmpty(String option, Path path) {
        if (path != null && path.toString().isBlank()) {
            throw new IllegalArgumentException(option + " = '" + path + "' is not allowed: give a path (use . for the current folder)");
        }
    }
}
