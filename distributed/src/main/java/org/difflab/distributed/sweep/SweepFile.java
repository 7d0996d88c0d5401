package org.difflab.distributed.sweep;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid in a small text file: one {@code key = value} per line with the command line's option names as keys and
 * values written as on the command line (lists comma-separated; a key given again adds to its list), {@code #} starts
 * a comment, blank lines are skipped. For example:
 *
 * <pre>
 * # orders of four samplers in d = 1, 4, 16
 * target     = gaussian:mean=1,var=0.05
 * dims       = 1, 4, 16
 * integrator = ddim, heun, dpmSolverPP2M, acceleratedOde
 * steps      = 16, 32, 64, 128
 * metric     = w2
 * </pre>
 */
public final class SweepFile {
    private SweepFile() {}

    /**
     * The raw values of a grid file, per key.
     *
     * @throws IllegalArgumentException naming the file and line of an unknown key or a line without '='
     * @throws UncheckedIOException     when the file cannot be read
     */
    public static Map<String, List<String>> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("--file = " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, List<String>> raw = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String text = (hash < 0 ? line : line.substring(0, hash)).strip();
            if (text.isEmpty()) {
                continue;
            }
            String where = file + " line " + (i + 1);
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException(where + ": '" + text + "' is not allowed: write key = value (keys: "
                        + String.join(", ", SweepGrid.KEYS) + ")");
            }
            String key = text.substring(0, eq).strip();
            if (!SweepGrid.KEYS.contains(key)) {
                throw new IllegalArgumentException(where + ": unknown key '" + key + "': allowed keys are " + String.join(", ", SweepGrid.KEYS));
            }
            try {
                raw.computeIfAbsent(key, k -> new ArrayList<>()).addAll(SweepGrid.entries(key, text.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return raw;
    }
}
