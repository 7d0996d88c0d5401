package org.difflab.distributed.sweep;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.difflab.distributed.io.AtomicFile;
import org.difflab.theory.complexity.ComplexityFit;
import org.difflab.theory.complexity.ComplexityResult;
import org.difflab.theory.convergence.ConvergenceResult;
import org.difflab.theory.convergence.SeriesBySpec;
import org.difflab.theory.report.Json;

/**
 * The table as one JSON document for people and notebooks: where and how long it ran, the grid, the rows (one object
 * per row, keys as {@link SweepColumns}; NaN as null), the fitted orders and complexity exponents, and the notes.
 */
public final class SweepJson {
    /** An order fit's fields after its study and integrator, in the order written (a table, as the rows' columns are). */
    private static final List<Map.Entry<String, Function<ConvergenceResult.Series, Object>>> ORDER_FIELDS = List.of(
            Map.entry("expectedOrder", ConvergenceResult.Series::expectedOrder), Map.entry("order", s -> s.fit().order()),
            Map.entry("ciLow", s -> s.fit().lower()), Map.entry("ciHigh", s -> s.fit().upper()),
            Map.entry("localSlopes", s -> s.fit().localSlopes()));

    /** A fitted complexity fit's fields after {@code "fitted": true}: steps T ~ C d^a (1/eps)^b, each exponent with its 95% CI. */
    private static final List<Map.Entry<String, Function<ComplexityFit, Object>>> EXPONENT_FIELDS = List.of(
            Map.entry("a", ComplexityFit::a), Map.entry("aLow", ComplexityFit::aLower), Map.entry("aHigh", ComplexityFit::aUpper),
            Map.entry("b", ComplexityFit::b), Map.entry("bLow", ComplexityFit::bLower), Map.entry("bHigh", ComplexityFit::bUpper),
            Map.entry("points", ComplexityFit::points));

    private SweepJson() {}

    /**
     * Writes the JSON document of a sweep table from its parts (those of {@code SweepTable}, which calls this: taking the
     * parts keeps the two classes out of an import cycle).
     */
    public static void write(Path file, SweepGrid grid, List<SweepRow> rows, SweepFits fits, String master, int executors, double seconds) {
        AtomicFile.write(file, temp -> Files.writeString(temp, Json.write(document(grid, rows, fits, master, executors, seconds)),
                StandardCharsets.UTF_8));
    }

    static Map<String, Object> document(SweepGrid grid, List<SweepRow> table, SweepFits fits, String master, int executors, double seconds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("master", master);
        m.put("executors", executors);
        m.put("cells", table.size());
        m.put("seconds", seconds);
        m.put("grid", grid.describe());
        List<Object> rows = new ArrayList<>();
        for (SweepRow r : table) {
            Map<String, Object> row = new LinkedHashMap<>();
            SweepColumns.ALL.forEach(c -> row.put(c.name(), c.value().apply(r)));
            rows.add(row);
        }
        m.put("rows", rows);
        List<Object> orders = new ArrayList<>();
        fits.convergence().forEach((study, r) -> r.series().values().forEach(s -> orders.add(order(study, s))));
        m.put("orders", orders);
        List<Object> exponents = new ArrayList<>();
        fits.complexity().forEach((study, r) -> r.series().values().forEach(s -> exponents.add(exponent(study, s))));
        m.put("exponents", exponents);
        m.put("notes", fits.notes());
        return m;
    }

    private static Map<String, Object> order(String study, ConvergenceResult.Series s) {
        return put(fitOf(study, s), ORDER_FIELDS, s);
    }

    private static Map<String, Object> exponent(String study, ComplexityResult.Series s) {
        ComplexityFit f = s.fit();
        Map<String, Object> m = fitOf(study, s);
        m.put("fitted", f != null);
        return f == null ? m : put(m, EXPONENT_FIELDS, f);
    }

    /** The first entries of a fit's object, the same for orders and exponents: its study and its integrator. */
    private static Map<String, Object> fitOf(String study, SeriesBySpec.IntegratorSeries s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("study", study);
        m.put("integrator", s.integrator());
        return m;
    }

    private static <T> Map<String, Object> put(Map<String, Object> m, List<Map.Entry<String, Function<T, Object>>> fields, T from) {
        fields.forEach(f -> m.put(f.getKey(), f.getValue().apply(from)));
        return m;
    }
}
