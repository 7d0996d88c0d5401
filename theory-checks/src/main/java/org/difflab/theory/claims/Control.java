package org.difflab.theory.claims;

/**
 * A control of a claim: the same claim kind and rule run on a variant whose outcome is known, so that the claim proves
 * it can pass and can fail. A positive control (a sampler or setting known to satisfy the claim, e.g. the second-order
 * accelerated ODE sampler for an exponent bound of 1/2) must HOLD; a negative control is a mutant (a coefficient
 * changed, a noise variance off by 1%, an estimator without its 1/p weights, a window that never slides) and must be
 * VIOLATED: the claim "kills" it. The verdict compared is the measured one, before a reconstruction's VIOLATED becomes
 * a FINDING.
 *
 * @param name    short label, e.g. {@code ddim@score=0.02}
 * @param role    positive (must HOLD) or negative (a mutant, must be VIOLATED)
 * @param change  what the variant changes, in words
 * @param variant the claim to run
 */
public record Control(String name, ControlRole role, String change, Claim variant) implements ControlDescription {

    public Control {
        if (name == null || name.isBlank() || role == null || change == null || change.isBlank() || variant == null) {
            throw new IllegalArgumentException("name = '" + name + "', role = " + role + ", change = '" + change + "', variant = " + variant
                    + " are not allowed: a control has a name, a role, what it changes and the claim it runs");
        }
    }

    /** A positive control: must HOLD. */
    public static Control positive(String name, String change, Claim variant) {
        return new Control(name, ControlRole.POSITIVE, change, variant);
    }

    /** A negative control (mutant): must be VIOLATED. */
    public static Control mutant(String name, String change, Claim variant) {
        return new Control(name, ControlRole.NEGATIVE, change, variant);
    }

    /** Runs the variant and compares its measured verdict with the role's. */
    public ControlResult run() {
        return new ControlResult(this, variant.check());
    }
}
