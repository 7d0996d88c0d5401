package org.difflab.theory.claims;

import java.util.List;

/**
 * What a claim says, where it comes from and what it is about, without the means to measure it: what a
 * {@link ClaimResult} and the reports need of their claim. A {@link Claim} is a description that can also run its check;
 * keeping the two apart lets a result name its claim without depending on the claim that produced it (no import cycle
 * between claims, results and controls). The claim records implement these methods alike in shape (a provenance,
 * formatted sentences), not in logic: the words and numbers are each claim's own; a family's name is stated once, by
 * its interface in {@code ClaimFamilies}, where its members have no family field of their own.
 */
public interface ClaimDescription {

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
}
