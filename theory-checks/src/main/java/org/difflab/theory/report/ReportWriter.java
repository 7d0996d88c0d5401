package org.difflab.theory.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.difflab.theory.claims.ClaimResult;

/**
 * Writes a report folder for claim results: {@code index.html}, {@code REPORT.md}, {@code claims.csv},
 * {@code results.json}, and per claim {@code <id>.png} (its plot), {@code <id>-<k>.csv} (its tables) and
 * {@code <id>-figure-<k>.png} (its figures, e.g. sample grids).
 * Existing files of the same names are replaced; other files in the folder are left alone.
 */
public final class ReportWriter {
    private ReportWriter() {}

    /** Writes the folder (created if missing) and returns the path of index.html. */
    public static Path write(List<ClaimResult> results, Path dir) {
        if (results == null || results.isEmpty()) {
            throw new IllegalArgumentException("results is empty, which is not allowed: a report needs at least 1 claim result");
        }
        if (dir == null) {
            throw new IllegalArgumentException("dir is null, which is not allowed");
        }
        try {
            Files.createDirectories(dir);
            for (ClaimResult r : results) {
                ChartPlot.write(r.chart(), dir.resolve(Cells.plotFile(r)));
                for (int k = 0; k < r.tables().size(); k++) {
                    text(dir.resolve(Cells.tableFile(r, k + 1)), ClaimsCsv.table(r.tables().get(k)));
                }
                for (int k = 0; k < r.figures().size(); k++) {
                    Path png = dir.resolve(Cells.figureFile(r, k + 1));
                    if (!ImageIO.write(r.figures().get(k).image(), "png", png.toFile())) {
                        throw new IOException("no PNG writer for the figure " + png);
                    }
                }
            }
            text(dir.resolve("claims.csv"), ClaimsCsv.summary(results));
            text(dir.resolve("results.json"), ResultsJson.of(results));
            text(dir.resolve("REPORT.md"), MarkdownReport.of(results));
            return text(dir.resolve("index.html"), HtmlReport.of(results));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report into " + dir + ": " + e.getMessage(), e);
        }
    }

    private static Path text(Path file, String content) throws IOException {
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
