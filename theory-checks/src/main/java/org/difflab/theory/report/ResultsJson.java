package org.difflab.theory.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.difflab.theory.claims.Claim;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Check;
import org.difflab.theory.claims.Table;

/** Every claim result as JSON: the claim's data, its measurements and verdicts, for scripts and later comparisons. */
public final class ResultsJson {
    private ResultsJson() {}

    /** The JSON document {@code {"claims": [...], "wallSeconds": ...}}. */
    public static String of(List<ClaimResult> results) {
        List<Object> claims = new ArrayList<>();
        double wall = 0;
        for (ClaimResult r : results) {
            claims.add(claim(r));
            wall += r.wallSeconds();
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("claims", claims);
        doc.put("wallSeconds", wall);
        return Json.write(doc);
    }

    private static Map<String, Object> claim(ClaimResult r) {
        Claim c = r.claim();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("family", c.family());
        m.put("source", c.source());
        m.put("statement", c.statement());
        m.put("expectation", c.expectation());
        m.put("setup", c.setup());
        m.put("note", c.note());
        m.put("integrators", c.integrators());
        m.put("verdict", r.verdict());
        List<Object> checks = new ArrayList<>();
        for (Check k : r.checks()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("subject", k.subject());
            x.put("quantity", k.quantity());
            x.put("value", k.value());
            x.put("ciLow", k.lower());
            x.put("ciHigh", k.upper());
            x.put("expected", k.expected());
            x.put("verdict", k.verdict());
            x.put("reason", k.judgement().reason());
            checks.add(x);
        }
        m.put("checks", checks);
        List<Object> tables = new ArrayList<>();
        for (Table t : r.tables()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("title", t.title());
            x.put("columns", t.columns());
            x.put("rows", t.rows());
            tables.add(x);
        }
        m.put("tables", tables);
        List<Object> figures = new ArrayList<>();
        for (int k = 0; k < r.figures().size(); k++) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("caption", r.figures().get(k).caption());
            x.put("file", Cells.figureFile(r, k + 1));
            figures.add(x);
        }
        m.put("figures", figures);
        m.put("wallSeconds", r.wallSeconds());
        return m;
    }
}
