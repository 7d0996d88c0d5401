package org.difflab.dsl.conformance;

/** The verdict of one conformance check, with the numbers behind it. */
public record CheckResult(String check, Verdict verdict, String detail) {

    /** PASS, FAIL, or SKIPPED when the check does not apply (e.g. no deterministic counterpart). */
    public enum Verdict {
        PASS, FAIL, SKIPPED
    }

    static CheckResult of(String check, boolean passed, String detail) {
        return new CheckResult(check, passed ? Verdict.PASS : Verdict.FAIL, detail);
    }

    static CheckResult skipped(String check, String why) {
        return new CheckResult(check, Verdict.SKIPPED, why);
    }
}
