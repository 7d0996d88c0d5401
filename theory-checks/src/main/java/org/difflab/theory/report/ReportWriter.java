package org.difflab.theory.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.difflab.theory.claims.ClaimResult;

/**
 * Writes a report folder for claim results: {@code index.html}, {@code REPORT.md}, {@code claims.csv},
 * {@code results.json}, {@code timings.csv} (seconds per claim, which the next run's time-left estimate reads), and per
 * claim {@code <id>.png} (its plot), {@code <id>-<k>.csv} (its tables) and {@code <id>-figure-<k>.png} (its figures).
 * Nothing is half-written: every file is first written into a staging folder inside the report folder and then moved
 * into place, each move atomic, and a failure leaves the folder as it was. Existing files of the same names are
 * replaced; other files in the folder are left alone.
 */
public final class ReportWriter {
    /** The file of the seconds per claim. */
    static final String TIMINGS = "timings.csv";

    private ReportWriter() {}

    /** Writes the folder (created if missing) without control runs and returns the path of index.html. */
    public static Path write(List<ClaimResult> results, Path dir) {
        return write(results, dir, false);
    }

    /**
     * Writes the folder (created if missing) and returns the path of index.html.
     *
     * @param controlsRun whether the results carry their controls' runs (the summary then gives the mutation score)
     */
    public static Path write(List<ClaimResult> results, Path dir, boolean controlsRun) {
        return write(results, dir, controlsRun, ClaimFiles::of);
    }

    /**
     * The same, with each claim's own files from {@code claimFiles} (e.g. made ahead by the claims' workers: {@link ClaimFiles}).
     */
    public static Path write(List<ClaimResult> results, Path dir, boolean controlsRun, Function<ClaimResult, ClaimFiles> claimFiles) {
        if (results == null || results.isEmpty()) {
            throw new IllegalArgumentException("results is empty, which is not allowed: a report needs at least 1 claim result");
        }
        if (dir == null) {
            throw new IllegalArgumentException("dir is null, which is not allowed");
        }
        Path staging = null;
        try {
            Files.createDirectories(dir);
            staging = Files.createTempDirectory(dir, ".staging-");
            for (ClaimResult r : results) {
                claimFiles.apply(r).writeInto(staging);
            }
            text(staging.resolve("claims.csv"), ClaimsCsv.summary(results));
            text(staging.resolve("results.json"), ResultsJson.of(results, controlsRun));
            text(staging.resolve(TIMINGS), timings(results));
            text(staging.resolve("REPORT.md"), MarkdownReport.of(results, controlsRun));
            text(staging.resolve("index.html"), HtmlReport.of(results, controlsRun));
            try (Stream<Path> files = Files.list(staging)) {
                for (Path f : files.toList()) {
                    move(f, dir.resolve(f.getFileName()));
                }
            }
            return dir.resolve("index.html");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report into " + dir + ": " + e.getMessage(), e);
        } finally {
            delete(staging);
        }
    }

    /** Writes every result as JSON to {@code file}, through a temporary file beside it moved into place. */
    public static void writeJson(List<ClaimResult> results, Path file, boolean controlsRun) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Path tmp = Files.createTempFile(parent, ".results-", ".json");
            try {
                text(tmp, ResultsJson.of(results, controlsRun));
                move(tmp, file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks, before any measuring, that the report folder can be written, without creating it: an existing folder must
     * take a new file; a missing one must have a nearest existing ancestor that is a writable folder.
     *
     * @param option the option that named it, for the message (e.g. {@code --report})
     */
    public static void requireWritable(Path dir, String option) {
        if (dir == null) {
            throw new IllegalArgumentException(option + " is missing, which is not allowed: give a folder");
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " = " + dir + " is not allowed: it is a file, not a folder");
        }
        if (Files.isDirectory(dir)) {
            try {
                Files.delete(Files.createTempFile(dir, ".writable-", ".tmp"));
            } catch (IOException | SecurityException e) {
                throw new IllegalArgumentException(option + " = " + dir + " is not allowed: the folder cannot be written (" + e.getClass()
                        .getSimpleName() + ": " + e.getMessage() + ")", e);
            }
            return;
        }
        Path ancestor = dir.toAbsolutePath().getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor)) {
            throw new IllegalArgumentException(option + " = " + dir + " is not allowed: the folder cannot be created (" + (ancestor == null
                    ? "no existing parent" : ancestor + " is not a folder") + ")");
        }
        try {
            // a real probe, not Files.isWritable: for root, access(2) says yes even on read-only or virtual file systems (/proc)
            Files.delete(Files.createTempDirectory(ancestor, ".writable-"));
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(option + " = " + dir + " is not allowed: the folder cannot be created (" + ancestor
                    + " is not writable: " + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
    }

    /** Checks, before any measuring, that {@code file} can be written: its folder exists and takes a new file, and it is not a folder. */
    public static void requireWritableFile(Path file, String option) {
        Path parent = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " = " + file + " is not allowed: it is a folder, not a file");
        }
        if (parent == null || !Files.isDirectory(parent)) {
            throw new IllegalArgumentException(option + " = " + file + " is not allowed: its folder " + parent + " does not exist");
        }
        try {
            Files.delete(Files.createTempFile(parent, ".writable-", ".tmp"));
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(option + " = " + file + " is not allowed: its folder " + parent + " cannot be written ("
                    + e.getMessage() + ")", e);
        }
    }

    /** The seconds per claim id of the report last written into {@code dir} (empty when there is none or it cannot be read). */
    public static Map<String, Double> previousTimings(Path dir) {
        Map<String, Double> out = new HashMap<>();
        Path file = dir.resolve(TIMINGS);
        if (!Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.split(",");
                if (parts.length == 2 && !parts[0].equals("id")) {
                    try {
                        out.put(parts[0], Double.parseDouble(parts[1]));
                    } catch (NumberFormatException e) {
                        // a line that is not a timing: skipped, the estimate then falls back to the run's own mean
                    }
                }
            }
        } catch (IOException e) {
            return new HashMap<>();
        }
        return out;
    }

    private static String timings(List<ClaimResult> results) {
        StringBuilder b = new StringBuilder("id,seconds\n");
        results.forEach(r -> b.append(r.claim().id()).append(',').append(r.wallSeconds()).append('\n'));
        return b.toString();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover staging folder holds copies only
        }
    }

    private static Path text(Path file, String content) throws IOException {
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
