package org.difflab.theory.claims;

/**
 * A control run: the variant's result, and whether it came out as the control's role requires (a positive control
 * HOLDS, a mutant is VIOLATED, i.e. caught).
 *
 * @param control the control
 * @param result  the variant's result
 */
public record ControlResult(ControlDescription control, CheckRun result) {

    public ControlResult {
        if (control == null || result == null) {
            throw new IllegalArgumentException("control = " + control + ", result = " + result + " are not allowed: both must be non-null");
        }
    }

    /** The variant's measured verdict (the worst of its checks, before any FINDING). */
    public Verdict verdict() {
        return result.measuredVerdict();
    }

    /** Whether the control came out as required: a positive control holds, a mutant is caught. */
    public boolean passed() {
        return verdict() == control.role().required();
    }

    /** The reason of the decisive check: the first check with the variant's verdict. */
    public String reason() {
        return result.checks().stream().filter(c -> c.verdict() == verdict()).findFirst().map(c -> c.subject() + " " + c.quantity() + ": "
                + c.judgement().reason()).orElse("");
    }
}
