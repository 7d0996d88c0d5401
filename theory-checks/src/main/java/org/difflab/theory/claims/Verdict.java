package org.difflab.theory.claims;

/**
 * The outcome of checking a {@link Claim} against its measurement. A check is judged HOLDS, VIOLATED or INCONCLUSIVE;
 * FINDING is the verdict of a whole {@link ClaimKind#RECONSTRUCTION reconstruction} claim whose measurement misses the
 * paper's statement: it speaks about DiffLab's own scheme, not about the paper, and does not fail a check run.
 */
public enum Verdict {
    /** The measurement agrees with the claim. */
    HOLDS,
    /** The measurement is clearly off the claim: a regression in DiffLab, or a real contradiction of the paper. */
    VIOLATED,
    /** Neither: the measurement does not settle the claim (e.g. an interval that straddles a band's edge). */
    INCONCLUSIVE,
    /** A reconstruction claim that misses the paper's statement: a finding about DiffLab's scheme. */
    FINDING;

    /** The worse of two verdicts: VIOLATED before FINDING before INCONCLUSIVE before HOLDS. */
    public Verdict worse(Verdict other) {
        return severity() >= other.severity() ? this : other;
    }

    private int severity() {
        return switch (this) {
            case HOLDS -> 0;
            case INCONCLUSIVE -> 1;
            case FINDING -> 2;
            case VIOLATED -> 3;
        };
    }
}
