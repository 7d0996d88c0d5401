package org.difflab.distributed.sweep;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.difflab.distributed.io.AtomicFile;
import org.difflab.theory.complexity.ComplexityFit;
import org.difflab.theory.complexity.ComplexityResult;
import org.difflab.theory.convergence.ConvergenceResult;
import org.difflab.theory.convergence.OrderFit;
import org.difflab.theory.convergence.SeriesBySpec;
import org.difflab.theory.report.Json;

/**
 * The table as one JSON document for people and notebooks: where and how long it ran, the grid, the rows (one object
 * per row, keys as {@link SweepColumns}; NaN as null), the fitted orders and complexity exponents, and the notes.
 */
public final class SweepJson {
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

    /** An order fit's object; {@link #exponent} looks alike but writes a complexity fit's other fields. */
    private static Map<String, Object> order(String study, ConvergenceResult.Series s) {
        OrderFit f = s.fit();
        Map<String, Object> m = fitOf(study, s);
        m.put("expectedOrder", s.expectedOrder());
        m.put("order", f.order());
        m.put("ciLow", f.lower());
        m.put("ciHigh", f.upper());
        m.put("localSlopes", f.localSlopes());
        return m;
    }

    private static Map<String, Object> exponent(String study, ComplexityResult.Series s) {
        ComplexityFit f = s.fit();
        Map<String, Object> m = fitOf(study, s);
        m.put("fitted", f != null);
        if (f != null) {
            m.put("a", f.a());
            m.put("aLow", f.aLower());
            m.put("aHigh", f.aUpper());
            m.put("b", f.b());
            m.put("bLow", f.bLower());
            m.put("bHigh", f.bUpper());
            m.put("points", f.points());
        }
        return m;
    }

    /** The first entries of a fit's object, the same for orders and exponents: its study and its integrator. */
    private static Map<String, Object> fitOf(String study, SeriesBySpec.IntegratorSeries s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("study", study);
        m.put("integrator", s.integrator());
        return m;
    }
}
