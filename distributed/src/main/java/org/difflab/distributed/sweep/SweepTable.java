package org.difflab.distributed.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.difflab.theory.complexity.ComplexityResult;
import org.difflab.theory.convergence.ConvergenceResult;

/**
 * The result of a sweep: one row per cell in the grid's order, and the studies fitted from them ({@link SweepFits}).
 * Written as Parquet, CSV and JSON with its plots ({@link #write}); rendered in notebooks like other results.
 *
 * @param grid      the grid that was run
 * @param rows      one per cell, in the grid's order
 * @param fits      fitted orders and complexity exponents
 * @param master    where it ran
 * @param executors executors that ran it (1 for a local master)
 * @param seconds   wall time of the job (Spark's start-up not included)
 */
public record SweepTable(SweepGrid grid, List<SweepRow> rows, SweepFits fits, String master, int executors, double seconds) {
    /** File names of the table. */
    public static final String PARQUET = "sweep.parquet";
    public static final String CSV = "sweep.csv";
    public static final String JSON = "sweep.json";

    public SweepTable {
        rows = List.copyOf(rows);
    }

    /** The table of these rows, with its fits. */
    public static SweepTable of(SweepGrid grid, List<SweepRow> rows, String master, int executors, double seconds) {
        return new SweepTable(grid, rows, SweepFits.of(rows, grid.setup()), master, executors, seconds);
    }

    /** The convergence studies (errors against steps) by title. */
    public Map<String, ConvergenceResult> convergence() {
        return fits.convergence();
    }

    /** The complexity studies (smallest step counts) by title. */
    public Map<String, ComplexityResult> complexity() {
        return fits.complexity();
    }

    /** Writes sweep.parquet, sweep.csv, sweep.json and the plots into {@code dir} (each file whole or not at all); returns the files. */
    public List<Path> write(Path dir) {
        List<Path> files = new ArrayList<>(List.of(dir.resolve(PARQUET), dir.resolve(CSV), dir.resolve(JSON)));
        SweepParquet.write(files.get(0), rows);
        SweepCsv.write(files.get(1), rows);
        SweepJson.write(files.get(2), grid, rows, fits, master, executors, seconds);
        files.addAll(SweepPlots.write(dir, fits));
        return files;
    }

    /** A header line, then each study as theory-checks prints it, then the notes. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "sweep of %d cells on %s (%d executor%s, %.1f s)%n", rows.size(), master,
                executors, executors == 1 ? "" : "s", seconds));
        fits.convergence().forEach((study, r) -> b.append('\n').append(study).append('\n').append(r));
        fits.complexity().forEach((study, r) -> b.append('\n').append(study).append('\n').append(r));
        fits.notes().forEach(n -> b.append("note: ").append(n).append('\n'));
        return b.toString();
    }
}
