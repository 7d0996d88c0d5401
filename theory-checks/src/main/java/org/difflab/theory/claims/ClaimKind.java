package org.difflab.theory.claims;

/**
 * What a claim's verdict speaks about, and so whether a violation fails {@code difflab check}.
 */
public enum ClaimKind implements Labelled {
    /** The paper's algorithm and setting, as far as the sources show them: a violation contradicts the paper (or is a bug). */
    PAPER("the paper's algorithm and setting, as far as the sources show them"),
    /**
     * DiffLab's own scheme built from a paper's ingredients because the algorithm text was not available: its verdict
     * speaks about our scheme, and a miss of the paper's statement is a {@link Verdict#FINDING}, never "the paper is violated".
     */
    RECONSTRUCTION("DiffLab's own scheme built from a paper's ingredients (the algorithm text was not available)"),
    /** DiffLab's own checks of its machinery: exactness, estimator unbiasedness, equivalences. */
    CONSISTENCY("DiffLab's own check of its machinery (exactness, unbiasedness, equivalences)");

    private final String meaning;

    ClaimKind(String meaning) {
        this.meaning = meaning;
    }

    /** One line saying what a claim of this kind is. */
    public String meaning() {
        return meaning;
    }

    /** Whether a VIOLATED measurement of a claim of this kind fails a check run (exit code 1). */
    public boolean violationFails() {
        return this != RECONSTRUCTION;
    }
}
