package org.difflab.distributed.sweep;

/** What one sweep cell measures. */
public enum CellKind {
    /** The exact error of a run at a step count (Gaussian targets; {@code ExactEvaluator}): a point of a convergence plot. */
    EXACT,
    /** The smallest step count whose exact error is at most eps ({@code ComplexityStudy}): a cell of T(d, eps). */
    SMALLEST_STEPS,
    /** A sample distance to the target's exact samples with its standard error, from n seeded samples (any target). */
    MONTE_CARLO
}
