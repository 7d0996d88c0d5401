package org.difflab.theory.report;

import java.util.List;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Measurement;
import org.difflab.theory.convergence.ConvergenceResult;

/**
 * The CSV files of a report (RFC 4180, comma separated, header row): {@code claims.csv} with one row per claim and
 * integrator, and one errors table per claim.
 */
public final class ClaimsCsv {
    private ClaimsCsv() {}

    /** One row per (claim, integrator): id, integrator, expected, measured order, CI low, CI high, last local slope, verdict. */
    public static String summary(List<ClaimResult> results) {
        StringBuilder b = new StringBuilder("id,integrator,expected,measured_order,ci_low,ci_high,last_local_slope,verdict\n");
        for (ClaimResult r : results) {
            for (Measurement m : r.measurements()) {
                double[] local = m.localSlopes();
                b.append(String.join(",", r.claim().id(), quote(m.integrator()), Cells.expected(r.claim().expectedOrder()),
                        num(m.order()), num(m.lower()), num(m.upper()), num(local[local.length - 1]), m.verdict().name())).append('\n');
            }
        }
        return b.toString();
    }

    /** The error table of one claim: integrator, steps, nfe, error, error bracket, wall seconds. */
    public static String errors(ClaimResult r) {
        StringBuilder b = new StringBuilder("integrator,steps,nfe,error,error_lower,error_upper,wall_seconds\n");
        for (Measurement m : r.measurements()) {
            for (ConvergenceResult.Point p : m.points()) {
                b.append(String.join(",", quote(m.integrator()), Integer.toString(p.steps()), Long.toString(p.nfe()),
                        num(p.error().value()), num(p.error().lower()), num(p.error().upper()), num(p.wallSeconds()))).append('\n');
            }
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
