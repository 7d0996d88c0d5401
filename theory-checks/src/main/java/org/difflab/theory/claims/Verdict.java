package org.difflab.theory.claims;

/** The outcome of checking a {@link Claim} against its measurement. */
public enum Verdict {
    /** The measurement agrees with the claim. */
    HOLDS,
    /** The measurement is clearly off the claim: a finding, or a bug in the sampler. */
    VIOLATED,
    /** Neither: the measurement does not settle the claim (e.g. local slopes still drifting). */
    INCONCLUSIVE;

    /** The worse of two verdicts: VIOLATED before INCONCLUSIVE before HOLDS. */
    public Verdict worse(Verdict other) {
        return severity() >= other.severity() ? this : other;
    }

    private int severity() {
        return switch (this) {
            case HOLDS -> 0;
            case INCONCLUSIVE -> 1;
            case VIOLATED -> 2;
        };
    }
}
