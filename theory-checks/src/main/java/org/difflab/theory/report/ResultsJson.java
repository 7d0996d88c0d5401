package org.difflab.theory.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.IntStream;
import org.difflab.theory.claims.ClaimDescription;
import org.difflab.theory.claims.ClaimResult;

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
        m.put("checks", objects(r.checks(), (k, x) -> {
            x.put("subject", k.subject());
            x.put("quantity", k.quantity());
            x.put("value", k.value());
            x.put("ciLow", k.lower());
            x.put("ciHigh", k.upper());
            x.put("uncertainty", k.uncertainty());
            x.put("expected", k.expected());
            x.put("verdict", k.verdict());
            x.put("reason", k.judgement().reason());
        }));
        m.put("controls", objects(r.controls(), (cr, x) -> {
            x.put("name", cr.control().name());
            x.put("role", cr.control().role().label());
            x.put("change", cr.control().change());
            x.put("required", cr.control().role().required());
            x.put("verdict", cr.verdict());
            x.put("passed", cr.passed());
            x.put("reason", cr.reason());
            x.put("wallSeconds", cr.result().wallSeconds());
        }));
        m.put("tables", objects(r.tables(), (t, x) -> {
            x.put("title", t.title());
            x.put("columns", t.columns());
            x.put("rows", t.rows());
        }));
        m.put("figures", objects(IntStream.range(0, r.figures().size()).boxed().toList(), (k, x) -> {
            x.put("caption", r.figures().get(k).caption());
            x.put("file", Cells.figureFile(r, k + 1));
        }));
        m.put("wallSeconds", r.wallSeconds());
        return m;
    }

    /** One JSON object per item, in order, each with the fields {@code fields} writes into it (in the order it writes them). */
    private static <T> List<Object> objects(List<T> items, BiConsumer<T, Map<String, Object>> fields) {
        List<Object> out = new ArrayList<>();
        for (T item : items) {
            Map<String, Object> x = new LinkedHashMap<>();
            fields.accept(item, x);
            out.add(x);
        }
        return out;
    }
}
