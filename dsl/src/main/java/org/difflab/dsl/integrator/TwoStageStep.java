package org.difflab.dsl.integrator;

import org.difflab.dsl.grid.TimeGrid;

/**
 * A single-step sampler with two model evaluations per step whose step to sigma = 0 is one Euler step with one
 * evaluation, as in EDM's Heun sampler (Karras et al. 2022, Algorithm 1) and k-diffusion's two-stage samplers.
 */
interface TwoStageStep extends SingleStep {

    /** Two per step, one less when the grid ends at sigma = 0. */
    @Override
    default long nfe(TimeGrid grid) {
        return 2L * grid.steps() - (grid.level(grid.steps()).sigma() == 0 ? 1 : 0);
    }
}
