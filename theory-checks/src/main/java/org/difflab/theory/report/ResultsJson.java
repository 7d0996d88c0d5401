package org.difflab.theory.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.difflab.theory.claims.ClaimDescription;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Check;
import org.difflab.theory.claims.ControlResult;
import org.difflab.theory.claims.Table;

/**
 * Every claim result as JSON, for scripts and later comparisons: a summary (claims per verdict and per kind, findings,
 * the mutation score when the controls ran), then per claim its kind and provenance (paper, place, how the setting
 * differs), the rule, the measured values with their intervals, the verdict and the controls with theirs.
 */
public final class ResultsJson {
    private ResultsJson() {}

    /** The JSON document without control runs. */
    public static String of(List<ClaimResult> results) {
        return of(results, false);
    }

    /** The JSON document {@code {"summary": {...}, "claims": [...], "wallSeconds": ...}}. */
    public static String of(List<ClaimResult> results, boolean controlsRun) {
        List<Object> claims = new ArrayList<>();
        double wall = 0;
        for (ClaimResult r : results) {
            claims.add(claim(r));
            wall += r.wallSeconds() + r.controlSeconds();
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("summary", summary(Summary.of(results, controlsRun)));
        doc.put("claims", claims);
        doc.put("wallSeconds", wall);
        return Json.write(doc);
    }

    private static Map<String, Object> summary(Summary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claims", s.results().size());
        Map<String, Object> verdicts = new LinkedHashMap<>();
        s.byVerdict().forEach((v, n) -> verdicts.put(v.name(), n));
        m.put("verdicts", verdicts);
        Map<String, Object> kinds = new LinkedHashMap<>();
        s.byKind().forEach((k, counts) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            counts.forEach((v, n) -> x.put(v.name(), n));
            kinds.put(k.label(), x);
        });
        m.put("kinds", kinds);
        m.put("failing", s.failed());
        m.put("findings", s.findings().stream().map(r -> r.claim().id()).toList());
        m.put("controlsRun", s.controlsRun());
        if (s.controlsRun()) {
            m.put("mutants", s.mutants());
            m.put("mutantsCaught", s.caught());
            m.put("mutationScore", s.mutants() == 0 ? null : (double) s.caught() / s.mutants());
            m.put("positiveControls", s.positives());
            m.put("positiveControlsHeld", s.positivesHeld());
            m.put("claimsWithoutMutant", s.withoutMutant());
        }
        return m;
    }

    private static Map<String, Object> claim(ClaimResult r) {
        ClaimDescription c = r.claim();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("family", c.family());
        m.put("kind", c.kind().label());
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("paper", c.provenance().paper());
        p.put("place", c.provenance().place());
        p.put("differs", c.provenance().differs());
        p.put("basis", c.provenance().basis());
        m.put("provenance", p);
        m.put("source", c.source());
        m.put("statement", c.statement());
        m.put("rule", c.rule());
        m.put("expectation", c.expectation());
        m.put("setup", c.setup());
        m.put("note", c.note());
        m.put("integrators", c.integrators());
        m.put("verdict", r.verdict());
        m.put("measuredVerdict", r.measuredVerdict());
        m.put("fails", r.failed());
        List<Object> checks = new ArrayList<>();
        for (Check k : r.checks()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("subject", k.subject());
            x.put("quantity", k.quantity());
            x.put("value", k.value());
            x.put("ciLow", k.lower());
            x.put("ciHigh", k.upper());
            x.put("uncertainty", k.uncertainty());
            x.put("expected", k.expected());
            x.put("verdict", k.verdict());
            x.put("reason", k.judgement().reason());
            checks.add(x);
        }
        m.put("checks", checks);
        // alike the checks' and tables' blocks in form only: each writes its own record's fields
        List<Object> controls = new ArrayList<>();
        for (ControlResult cr : r.controls()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", cr.control().name());
            x.put("role", cr.control().role().label());
            x.put("change", cr.control().change());
            x.put("required", cr.control().role().required());
            x.put("verdict", cr.verdict());
            x.put("passed", cr.passed());
            x.put("reason", cr.reason());
            x.put("wallSeconds", cr.result().wallSeconds());
            controls.add(x);
        }
        m.put("controls", controls);
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
