package org.difflab.theory.claims;

/** Whether a {@link Control} must pass or must fail. */
public enum ControlRole implements Labelled {
    /** A sampler or setting known to satisfy the claim: must HOLD. */
    POSITIVE(Verdict.HOLDS),
    /** A mutant: must be VIOLATED (the claim catches it). */
    NEGATIVE(Verdict.VIOLATED);

    private final Verdict required;

    ControlRole(Verdict required) {
        this.required = required;
    }

    /** The measured verdict this role requires. */
    public Verdict required() {
        return required;
    }
}
