package org.difflab.theory.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.difflab.theory.claims.ClaimResult;

/**
 * One claim's own report files made in memory: its plot and figures as PNG, its tables as CSV. {@code difflab check}
 * makes them in the claim's worker as each claim ends, so that drawing and encoding (about 40 ms a plot, 2 s for the
 * default catalogue) overlap the claims still running instead of following the last one on one core;
 * {@link ReportWriter} writes them into the folder with the rest.
 */
public final class ClaimFiles {
    private final Map<String, byte[]> files; // file name -> contents

    private ClaimFiles(Map<String, byte[]> files) {
        this.files = files;
    }

    /** Draws and encodes the claim's plot, tables and figures. */
    public static ClaimFiles of(ClaimResult r) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(Cells.plotFile(r), ChartPlot.png(r.chart()));
        for (int k = 0; k < r.tables().size(); k++) {
            files.put(Cells.tableFile(r, k + 1), ClaimsCsv.table(r.tables().get(k)).getBytes(StandardCharsets.UTF_8));
        }
        for (int k = 0; k < r.figures().size(); k++) {
            String name = Cells.figureFile(r, k + 1);
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            try {
                if (!ImageIO.write(r.figures().get(k).image(), "png", png)) {
                    throw new IllegalStateException("no PNG writer for the figure " + name);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not encode the figure " + name + ": " + e.getMessage(), e);
            }
            files.put(name, png.toByteArray());
        }
        return new ClaimFiles(files);
    }

    /** Writes the files into {@code dir}. */
    void writeInto(Path dir) throws IOException {
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
        }
    }
}
