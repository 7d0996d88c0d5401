package org.difflab.theory.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.difflab.theory.claims.Claim;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Measurement;
import org.difflab.theory.convergence.ConvergenceResult;

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
        m.put("source", c.source());
        m.put("statement", c.statement());
        m.put("expectation", c.expectation());
        m.put("note", c.note());
        m.put("integrators", c.integrators());
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("target", c.experiment().target());
        e.put("schedule", c.experiment().schedule());
        e.put("grid", c.experiment().grid());
        e.put("endingAtTMin", c.experiment().endingAtTMin());
        e.put("init", c.experiment().init());
        e.put("metric", c.experiment().metric());
        e.put("proxy", c.experiment().proxy());
        e.put("steps", c.experiment().steps());
        m.put("experiment", e);
        m.put("expectedOrder", c.expectedOrder());
        m.put("tolerance", c.tolerance());
        m.put("verdict", r.verdict());
        List<Object> ms = new ArrayList<>();
        for (Measurement x : r.measurements()) {
            ms.add(measurement(x));
        }
        m.put("measurements", ms);
        m.put("wallSeconds", r.wallSeconds());
        return m;
    }

    /** One measurement: order, CI, local slopes, verdict with its reason, and the error table. */
    static Map<String, Object> measurement(Measurement x) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("integrator", x.integrator());
        m.put("order", x.order());
        m.put("ciLow", x.lower());
        m.put("ciHigh", x.upper());
        m.put("localSlopes", x.localSlopes());
        m.put("verdict", x.verdict());
        m.put("reason", x.judgement().reason());
        List<Object> pts = new ArrayList<>();
        for (ConvergenceResult.Point p : x.points()) {
            pts.add(point(p));
        }
        m.put("points", pts);
        return m;
    }

    /** One point of an error table. */
    public static Map<String, Object> point(ConvergenceResult.Point p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("steps", p.steps());
        m.put("nfe", p.nfe());
        m.put("error", p.error().value());
        m.put("errorLower", p.error().lower());
        m.put("errorUpper", p.error().upper());
        m.put("wallSeconds", p.wallSeconds());
        return m;
    }
}
