package org.difflab.theory.claims;

import java.util.Locale;

/** Whether a {@link Control} must pass or must fail. */
public enum ControlRole {
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

    /** {@code positive} or {@code negative}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
