package org.difflab.theory.exact;

/** Where an exact evaluation starts the chain at t_0. */
public enum Init {
    /** The sampler's own prior N(0, priorStd^2 I), drawn as the run's first Gaussian draw. */
    PRIOR,
    /**
     * The exact law of X at t_0, the target noised to t_0: N(alpha m, alpha^2 Sigma + sigma^2 I). Removes the
     * prior-mismatch error, leaving the discretisation error alone.
     */
    EXACT
}
