package org.difflab.plugin.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes samples as CSV: header {@code x0,x1,...}, one row per sample, every value at full double precision. The header
 * and the rows are separate steps so that a run split into partitions writes the same bytes part by part.
 */
final class CsvFile {
    private CsvFile() {}

    static void write(Path file, double[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            header(w, d);
            for (double[] row : rows) {
                rows(w, row, d);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --out = " + file + ": " + e, e);
        }
    }

    /** The header line {@code x0,x1,...,x(d-1)}. */
    static void header(Writer w, int d) throws IOException {
        for (int j = 0; j < d; j++) {
            w.write(j == 0 ? "x0" : ",x" + j);
        }
        w.write('\n');
    }

    /** The rows of row-major {@code values}, d per row, one line each. */
    static void rows(Writer w, double[] values, int d) throws IOException {
        for (int i = 0; i + d <= values.length && d > 0; i += d) {
            for (int j = 0; j < d; j++) {
                if (j > 0) {
                    w.write(',');
                }
                w.write(Double.toString(values[i + j]));
            }
            w.write('\n');
        }
    }
}
