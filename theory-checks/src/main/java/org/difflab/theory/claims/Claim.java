package org.difflab.theory.claims;

/**
 * A statement from the literature (or of DiffLab's own machinery) that DiffLab measures and judges: a convergence
 * order ({@link OrderClaim}), an iteration-complexity exponent, a closed-form stationary variance, an accuracy at a
 * budget of model evaluations. Each kind is one record that knows its setup and how to measure it; {@link #check()}
 * returns the verdicts with the evidence (tables and a plot) the report shows, and {@link #provenance()} says which
 * paper, where in it, and whether the verdict speaks about the paper or about DiffLab's reconstruction. What it says of
 * itself is its {@link ClaimDescription}.
 */
public interface Claim extends ClaimDescription {

    /** Measures and judges. */
    ClaimResult check();

    /** Checks an id: lower-case words and digits joined by '-'. */
    static String requireId(String id) {
        if (id == null || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("id = '" + id + "' is not allowed: lower-case words, digits and '-', e.g. order-heun");
        }
        return id;
    }

    /** A claim's optional text (a note, a statement): null reads as empty, so that every record normalises it alike. */
    static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
