package org.difflab.dsl.conformance;

import java.util.List;

/** All conformance checks of one integrator; readable as a table. */
public record ConformanceReport(String integrator, List<CheckResult> results) {

    /** True when no check failed. */
    public boolean passed() {
        return results.stream().noneMatch(r -> r.verdict() == CheckResult.Verdict.FAIL);
    }

    /** The result of one check by name. */
    public CheckResult result(String check) {
        return results.stream().filter(r -> r.check().equals(check)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("check = " + check + " is not allowed: must be one of "
                        + results.stream().map(CheckResult::check).toList()));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("Conformance of " + integrator + ": " + (passed() ? "PASS" : "FAIL") + "\n");
        for (CheckResult r : results) {
            b.append(String.format("  %-22s %-7s %s%n", r.check(), r.verdict(), r.detail()));
        }
        return b.toString();
    }
}
