package org.difflab.theory.claims;

import java.util.List;

/**
 * A statement from the literature (or of DiffLab's own machinery) that DiffLab measures and judges: a convergence
 * order ({@link OrderClaim}), an iteration-complexity exponent, a closed-form stationary variance, an accuracy at a
 * budget of model evaluations. Each kind is one record that knows its setup and how to measure it; {@link #check()}
 * returns the verdicts with the evidence (tables and a plot) the report shows, and {@link #provenance()} says which
 * paper, where in it, and whether the verdict speaks about the paper or about DiffLab's reconstruction.
 */
public interface Claim {

    /** Short stable id, e.g. {@code order-heun} (lower case, digits and '-'). */
    String id();

    /** The family the report groups it under, e.g. {@code Standard samplers: orders}. */
    String family();

    /** The paper, the place in it, the kind of claim and how our setting differs. */
    Provenance provenance();

    /** The paper or section the claim comes from, in one line (the provenance's citation). */
    default String source() {
        return provenance().citation();
    }

    /** The claim's kind (from its provenance). */
    default ClaimKind kind() {
        return provenance().kind();
    }

    /** What the theory states. */
    String statement();

    /** The decision rule of this kind of claim, in words: how a measured value and its uncertainty become a verdict. */
    String rule();

    /** What we expect to measure for this claim, in words (the rule's thresholds). */
    String expectation();

    /** The setup, in words and spec strings a reader can rerun. */
    String setup();

    /** What a reader should know about the measurement (may be empty). */
    String note();

    /** The integrator specs the claim is about (as in {@code Integrators.parse}, or the Langevin registry). */
    List<String> integrators();

    /** Measures and judges. */
    ClaimResult check();

    /** Checks an id: lower-case words and digits joined by '-'. */
    static String requireId(String id) {
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("id = '" + id + "' is not allowed: lower-case words, digits and '-', e.g. order-heun");
        }
        return id;
    }
}
