package org.difflab.dsl.integrator;

/**
 * The per-step alpha_t of the Li et al. samplers on any grid: alpha_t = abar_t / abar_{t-1} between grid points
 * i (time t) and i + 1 (time t - 1), so the rules of the papers also run on respaced grids.
 */
final class LiSteps {
    private LiSteps() {}

    /** alpha of step i (from grid point i to i + 1). */
    static double alpha(RunContext ctx, int i) {
        double r = ctx.level(i).alpha() / ctx.level(i + 1).alpha();
        return r * r;
    }
}
