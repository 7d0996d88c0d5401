package org.difflab.theory.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.difflab.theory.claims.ClaimKind;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.ControlResult;
import org.difflab.theory.claims.ControlRole;
import org.difflab.theory.claims.Verdict;

/**
 * The summary a report and the command line open with: how many claims came out with each verdict, overall and per
 * kind, the findings, how many would fail a run, and, when the controls ran, the mutation score (mutants caught /
 * mutants) and the positive controls that held.
 *
 * @param results      the claim results
 * @param controlsRun  whether the controls ran
 */
public record Summary(List<ClaimResult> results, boolean controlsRun) {

    public Summary {
        results = List.copyOf(results);
    }

    /** The summary of these results. */
    public static Summary of(List<ClaimResult> results, boolean controlsRun) {
        return new Summary(results, controlsRun);
    }

    /** Claims per verdict. */
    public Map<Verdict, Long> byVerdict() {
        Map<Verdict, Long> out = new EnumMap<>(Verdict.class);
        results.forEach(r -> out.merge(r.verdict(), 1L, Long::sum));
        return out;
    }

    /** Claims per kind, then per verdict. */
    public Map<ClaimKind, Map<Verdict, Long>> byKind() {
        Map<ClaimKind, Map<Verdict, Long>> out = new EnumMap<>(ClaimKind.class);
        for (ClaimResult r : results) {
            out.computeIfAbsent(r.claim().kind(), k -> new EnumMap<>(Verdict.class)).merge(r.verdict(), 1L, Long::sum);
        }
        return out;
    }

    /** The claims that fail a run: a paper or consistency claim VIOLATED. */
    public long failed() {
        return results.stream().filter(ClaimResult::failed).count();
    }

    /** The findings: reconstruction claims that miss the paper's statement. */
    public List<ClaimResult> findings() {
        return results.stream().filter(r -> r.verdict() == Verdict.FINDING).toList();
    }

    /** Mutants run. */
    public long mutants() {
        return controls(ControlRole.NEGATIVE).size();
    }

    /** Mutants caught (VIOLATED, as required). */
    public long caught() {
        return controls(ControlRole.NEGATIVE).stream().filter(ControlResult::passed).count();
    }

    /** Positive controls run. */
    public long positives() {
        return controls(ControlRole.POSITIVE).size();
    }

    /** Positive controls that held. */
    public long positivesHeld() {
        return controls(ControlRole.POSITIVE).stream().filter(ControlResult::passed).count();
    }

    /** Controls that came out wrong: a mutant that survived or a positive control that did not hold. */
    public long controlsFailed() {
        return (mutants() - caught()) + (positives() - positivesHeld());
    }

    /** Claims checked with their controls that have no mutant. */
    public List<String> withoutMutant() {
        return controlsRun ? results.stream().filter(r -> r.controls().stream().noneMatch(c -> c.control().role() == ControlRole.NEGATIVE))
                .map(r -> r.claim().id()).toList() : List.of();
    }

    private List<ControlResult> controls(ControlRole role) {
        List<ControlResult> out = new ArrayList<>();
        results.forEach(r -> r.controls().stream().filter(c -> c.control().role() == role).forEach(out::add));
        return out;
    }

    /** Seconds spent measuring the claims (controls apart). */
    public double seconds() {
        return results.stream().mapToDouble(ClaimResult::wallSeconds).sum();
    }

    /** One line: claims per verdict, per kind, and the claims that fail the run. */
    public String line() {
        Map<Verdict, Long> v = byVerdict();
        String kinds = byKind().entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue().values().stream().mapToLong(Long::longValue)
                .sum() + " (" + counts(e.getValue()) + ")").collect(Collectors.joining("; "));
        return String.format(Locale.ROOT, "%d claims: %s; by kind: %s; %d failing the run (a paper or consistency claim violated)",
                results.size(), counts(v), kinds, failed());
    }

    /** One line: the mutation score and the positive controls, or that the controls did not run. */
    public String mutationLine() {
        if (!controlsRun) {
            return "controls not run (difflab check --controls runs them and reports the mutation score)";
        }
        List<String> none = withoutMutant();
        return String.format(Locale.ROOT, "mutation score %d/%d mutants caught (%s); positive controls %d/%d hold%s", caught(), mutants(),
                mutants() == 0 ? "no mutants" : String.format(Locale.ROOT, "%.0f%%", 100.0 * caught() / mutants()), positivesHeld(), positives(),
                none.isEmpty() ? "" : "; claims without a mutant: " + String.join(", ", none));
    }

    private static String counts(Map<Verdict, Long> m) {
        List<String> parts = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            long n = m.getOrDefault(v, 0L);
            if (n > 0) {
                parts.add(n + " " + v.name().toLowerCase(Locale.ROOT));
            }
        }
        return String.join(", ", parts);
    }
}
