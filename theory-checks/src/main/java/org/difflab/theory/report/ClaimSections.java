package org.difflab.theory.report;

import java.util.ArrayList;
import java.util.List;
import org.difflab.theory.claims.Check;
import org.difflab.theory.claims.ClaimDescription;
import org.difflab.theory.claims.ClaimKind;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.ControlResult;
import org.difflab.theory.claims.ControlRole;
import org.difflab.theory.claims.Verdict;

/**
 * What a claim's section and the summary show, as rows and labelled lines, so that the Markdown and HTML reports
 * (and the notebook repr) say the same thing: provenance, rule, measured numbers with intervals, controls, and for a
 * finding what it says about DiffLab's scheme.
 */
public final class ClaimSections {
    private ClaimSections() {}

    /** The labelled lines of a claim's section, in order (empty values left out). */
    public static List<String[]> facts(ClaimResult r) {
        ClaimDescription c = r.claim();
        List<String[]> out = new ArrayList<>();
        add(out, "Verdict", r.verdict().name() + (r.failed() ? " (fails the run)" : ""));
        add(out, "Kind", c.kind().label() + ": " + c.kind().meaning());
        add(out, "Paper", c.provenance().paper());
        add(out, "Where", c.provenance().place());
        add(out, "Setting differs", c.provenance().differs());
        add(out, "Sources", c.provenance().basis());
        add(out, "Theory", c.statement());
        add(out, "Rule", c.rule());
        add(out, "Expected", c.expectation());
        add(out, "Setup", c.setup());
        add(out, "Note", c.note());
        add(out, "Finding", finding(r));
        return out;
    }

    private static void add(List<String[]> out, String label, String value) {
        if (value != null && !value.isEmpty()) {
            out.add(new String[] {label, value});
        }
    }

    /** For a FINDING, what it says about DiffLab's scheme; empty otherwise. */
    public static String finding(ClaimResult r) {
        if (r.verdict() != Verdict.FINDING) {
            return "";
        }
        List<String> missed = r.checks().stream().filter(k -> k.verdict() == Verdict.VIOLATED)
                .map(k -> k.subject() + " " + k.quantity() + " " + Cells.measured(k) + " (expected " + k.expected() + ")").toList();
        return "DiffLab's reconstruction misses the paper's statement: " + String.join("; ", missed) + ". This is a finding about our "
                + "scheme (" + (r.claim().provenance().differs().isEmpty() ? "built from the paper's ingredients"
                : r.claim().provenance().differs()) + "), not a contradiction of the paper.";
    }

    /** Column names of the checks table. */
    public static List<String> checkColumns() {
        return List.of("subject", "quantity", "measured [95% CI]", "uncertainty", "expected", "verdict", "why");
    }

    /** One row per check. */
    public static List<List<String>> checkRows(ClaimResult r) {
        List<List<String>> out = new ArrayList<>();
        for (Check k : r.checks()) {
            out.add(List.of(k.subject(), k.quantity(), Cells.measured(k), k.uncertainty(), k.expected(), k.verdict().name(), k.judgement().reason()));
        }
        return out;
    }

    /** Column names of the controls table. */
    public static List<String> controlColumns() {
        return List.of("control", "role", "what it changes", "must be", "came out", "result", "why");
    }

    /** One row per control run. */
    public static List<List<String>> controlRows(ClaimResult r) {
        List<List<String>> out = new ArrayList<>();
        for (ControlResult c : r.controls()) {
            out.add(List.of(c.control().name(), c.control().role() == ControlRole.NEGATIVE ? "mutant" : "positive",
                    c.control().change(), c.control().role().required().name(), c.verdict().name(), c.passed()
                            ? (c.control().role() == ControlRole.NEGATIVE ? "caught" : "holds") : "FAILED", c.reason()));
        }
        return out;
    }

    /** Column names of the summary's table per kind. */
    public static List<String> kindColumns() {
        List<String> out = new ArrayList<>(List.of("kind", "claims"));
        for (Verdict v : Verdict.values()) {
            out.add(v.name());
        }
        return out;
    }

    /** One row per kind present, with the claims per verdict. */
    public static List<List<String>> kindRows(Summary s) {
        List<List<String>> out = new ArrayList<>();
        for (ClaimKind k : ClaimKind.values()) {
            var counts = s.byKind().get(k);
            if (counts == null) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(k.label(), Long.toString(counts.values().stream().mapToLong(Long::longValue).sum())));
            for (Verdict v : Verdict.values()) {
                row.add(Long.toString(counts.getOrDefault(v, 0L)));
            }
            out.add(row);
        }
        return out;
    }
}
