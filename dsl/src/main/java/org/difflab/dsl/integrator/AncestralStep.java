package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.tensor.Scalars;

/**
 * The split of one ancestral step from sigma_from to sigma_to (k-diffusion's noise levels sigma / alpha) into a
 * deterministic move to sigma_down and fresh noise of standard deviation sigma_up, with sigma_down^2 + sigma_up^2 =
 * sigma_to^2 and sigma_up = min(sigma_to, eta sigma_to sqrt(sigma_from^2 - sigma_to^2) / sigma_from): eta = 1 is the
 * DDPM posterior's variance (Ho et al. 2020; Song et al. 2021, DDIM eq. 16 in these variables), eta = 0 no noise. On
 * exact marginals the probability-flow ODE carries the law at sigma_from to the law at sigma_down, and the noise then
 * gives exactly the law at sigma_to: an ancestral sampler's error in law is its ODE solver's.
 *
 * @param down sigma_down, the level the ODE step goes to
 * @param up   sigma_up, the standard deviation of the noise added after it
 */
record AncestralStep(double down, double up) {

    /** The split of the step from {@code from} to {@code to} with noise knob {@code eta} (k-diffusion's get_ancestral_step). */
    static AncestralStep of(double from, double to, double eta) {
        if (eta == 0 || to == 0) {
            return new AncestralStep(to, 0);
        }
        double up = Math.min(to, eta * Math.sqrt(to * to * (from * from - to * to) / (from * from)));
        return new AncestralStep(Math.sqrt(Math.max(0, to * to - up * up)), up);
    }

    /** The split of step i of a grid (its levels' sigma / alpha). */
    static AncestralStep of(TimeGrid grid, int i, double eta) {
        return of(grid.level(i).sigmaOverAlpha(), grid.level(i + 1).sigmaOverAlpha(), eta);
    }

    /** {@code yDown} plus sigma_up times step i's draw for the batch {@code x} (no draw when sigma_up = 0). */
    NDArray addNoise(NDArray yDown, RunContext ctx, NDArray x, int i) {
        return up > 0 ? yDown.add(Scalars.mul(ctx.normal(x, i), up)) : yDown;
    }

    /** Model evaluations of a two-stage ancestral sampler on the grid: two per step, one where sigma_down = 0 (an Euler step). */
    static long twoStageEvaluations(TimeGrid grid, double eta) {
        long n = 0;
        for (int i = 0; i < grid.steps(); i++) {
            n += of(grid, i, eta).down() > 0 ? 2 : 1;
        }
        return n;
    }
}
