package org.difflab.theory.claims;

/**
 * What a control is, without the claim it runs: what a {@link ControlResult} and the reports need of their control
 * (the result depends on this, not on {@link Control}, so that controls, their results and claim results form no
 * import cycle).
 */
public interface ControlDescription {

    /** Short label, e.g. {@code ddim@score=0.02}. */
    String name();

    /** Positive (must HOLD) or negative (a mutant, must be VIOLATED). */
    ControlRole role();

    /** What the variant changes, in words. */
    String change();
}
