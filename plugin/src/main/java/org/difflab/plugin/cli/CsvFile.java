package org.difflab.plugin.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes samples as CSV: header {@code x0,x1,...}, one row per sample, every value at full double precision. */
final class CsvFile {
    private CsvFile() {}

    static void write(Path file, double[][] rows) {
        int d = rows.length == 0 ? 0 : rows[0].length;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int j = 0; j < d; j++) {
                w.write(j == 0 ? "x0" : ",x" + j);
            }
            w.write('\n');
            for (double[] row : rows) {
                for (int j = 0; j < d; j++) {
                    if (j > 0) {
                        w.write(',');
                    }
                    w.write(Double.toString(row[j]));
                }
                w.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --out = " + file + ": " + e, e);
        }
    }
}
