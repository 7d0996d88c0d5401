package org.difflab.dsl.integrator;

/**
 * How a Poisson midpoint block (poissonMidpoint, plmc) draws the Gaussian increments of its fine chain (research note
 * poisson_midpoint.md, section 2.4): both give the same law given the selection, not the same paths.
 */
public enum MidpointNoise {
    /** One draw per fine step, summed. */
    DENSE,
    /** Only the accumulated noise at the selected indices and at K: one draw per gap between them. */
    SPARSE
}
