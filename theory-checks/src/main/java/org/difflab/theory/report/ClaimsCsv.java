package org.difflab.theory.report;

import java.util.List;
import org.difflab.theory.claims.Check;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Table;

/**
 * The CSV files of a report (RFC 4180, comma separated, header row): {@code claims.csv} with one row per judged
 * check, and one file per evidence table.
 */
final class ClaimsCsv {
    private ClaimsCsv() {}

    /**
     * One row per check: id, family, kind, subject, quantity, expected, value, CI low, CI high, what the interval is, the
     * check's verdict and the claim's.
     */
    static String summary(List<ClaimResult> results) {
        StringBuilder b = new StringBuilder("id,family,kind,subject,quantity,expected,value,ci_low,ci_high,uncertainty,verdict,claim_verdict\n");
        for (ClaimResult r : results) {
            for (Check c : r.checks()) {
                b.append(String.join(",", r.claim().id(), quote(r.claim().family()), r.claim().kind().label(), quote(c.subject()),
                        quote(c.quantity()), quote(c.expected()), num(c.value()), num(c.lower()), num(c.upper()), quote(c.uncertainty()),
                        c.verdict().name(), r.verdict().name())).append('\n');
            }
        }
        return b.toString();
    }

    /** One evidence table. */
    static String table(Table t) {
        StringBuilder b = new StringBuilder();
        b.append(String.join(",", t.columns().stream().map(ClaimsCsv::quote).toList())).append('\n');
        for (List<String> row : t.rows()) {
            b.append(String.join(",", row.stream().map(ClaimsCsv::quote).toList())).append('\n');
        }
        return b.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
