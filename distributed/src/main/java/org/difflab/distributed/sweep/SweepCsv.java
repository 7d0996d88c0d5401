package org.difflab.distributed.sweep;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.difflab.distributed.io.AtomicFile;

/**
 * The table as CSV (RFC 4180: a header of the column names, one line per row, fields with commas or quotes quoted), every
 * number at full precision ({@code Double.toString}, which reads back to the same bits).
 */
public final class SweepCsv {
    private SweepCsv() {}

    public static void write(Path file, List<SweepRow> rows) {
        AtomicFile.write(file, temp -> {
            try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                w.write(SweepColumns.ALL.stream().map(SweepColumns.Column::name).collect(Collectors.joining(",")));
                w.write('\n');
                for (SweepRow r : rows) {
                    w.write(SweepColumns.ALL.stream().map(c -> field(String.valueOf(c.value().apply(r)))).collect(Collectors.joining(",")));
                    w.write('\n');
                }
            }
        });
    }

    /** A field, quoted when it holds a comma, a quote or a line break. */
    static String field(String v) {
        if (v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0) {
            return v;
        }
        return '"' + v.replace("\"", "\"\"") + '"';
    }
}
