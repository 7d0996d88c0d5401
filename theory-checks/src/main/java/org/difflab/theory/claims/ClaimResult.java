package org.difflab.theory.claims;

import java.util.List;

/**
 * A claim with its measurements (one per integrator) and the overall verdict: the worst of the integrators'
 * verdicts, since a claim about several samplers holds only if it holds for each.
 */
public record ClaimResult(Claim claim, List<Measurement> measurements, double wallSeconds) {

    public ClaimResult {
        if (measurements == null || measurements.isEmpty()) {
            throw new IllegalArgumentException("measurements is empty, which is not allowed for claim " + (claim == null ? null : claim.id()));
        }
        measurements = List.copyOf(measurements);
    }

    public Verdict verdict() {
        Verdict v = Verdict.HOLDS;
        for (Measurement m : measurements) {
            v = v.worse(m.verdict());
        }
        return v;
    }

    /** Whether this result should fail a check run: the claim is VIOLATED (INCONCLUSIVE does not fail). */
    public boolean failed() {
        return verdict() == Verdict.VIOLATED;
    }
}
