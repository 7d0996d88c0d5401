package org.difflab.theory.claims;

import java.util.List;

/**
 * The parallel-in-time claims of SAMPLERS.md section 6: PIADM's Picard blocks (Chen, Ren, Ying and Rotskoff 2024,
 * arXiv 2405.15986) and ParaDiGMS's sliding window (Shih et al. 2023); research note mlem_parallel.md parts B and C;
 * review mlem_piadm_fulltext.md sections 5-8.
 */
final class ParallelClaims {
    static final String FAMILY = ClaimFamilies.PARALLEL;
    private static final String STUCK_WINDOW = "tolerance 1e-12: every round accepts one point, a window that slides one step at a time";
    /** The steps of the stuck-window mutant's run: 200 keeps the control short. */
    private static final int CONTROL_STEPS = 200;
    /** ParaDiGMS on DDPM-1000 at the paper's window and tolerance (the official table's first row). */
    static final ParadigmsClaim DDPM_1000 = new ParadigmsClaim("paradigms-rounds-ddpm-1000", "ddpm", 1000, 48, 0.1, 16);
    /** ParaDiGMS on a 200-step DDIM at the paper's window and tolerance (the official table's DDIM-200 row). */
    static final ParadigmsClaim DDIM_200 = new ParadigmsClaim("paradigms-rounds-ddim-200", "ddim", 200, 32, 0.1, 16);

    private ParallelClaims() {}

    /** The claims, in report order. */
    static List<CatalogueEntry> all() {
        PicardSweepsClaim sweeps = new PicardSweepsClaim("picard-sweeps", 8, 64, 64, 3);
        PicardDimensionClaim inD = new PicardDimensionClaim("piadm-rounds-polylog-in-d", new int[] {2, 8, 32, 128, 512}, 0.1, 1,
                "PIADM's regime: blocks of OU time 1 on a horizon that grows like ln d, a fixed number K of sweeps per block, no "
                        + "tolerance. On an isotropic Gaussian with the exact score every coordinate is off by O(h) for the SDE and the ODE "
                        + "alike, and TV of d independent coordinates grows like sqrt(d) times that, so T_seq ~ sqrt(d) / eps for both: the "
                        + "SDE's d is a worst-case bound (in KL) that this target does not reach, the ODE sits on its sqrt(d). The TV at a "
                        + "given K can fall below the converged TV (Picard truncation and discretisation errors of opposite sign), hence two "
                        + "passing sweeps in a row. The ODE is PIADM-ODE's predictor only; its underdamped-Langevin corrector is not built.");
        return List.of(
                CatalogueEntry.of(sweeps, Control.mutant("picardBlocks@noise=0.01", "the Picard sweeps' noise variance 1% off the sequential "
                        + "integrator's", sweeps.mutated("noise=0.01"))),
                CatalogueEntry.of(DDPM_1000, stuckWindow(DDPM_1000)),
                CatalogueEntry.of(DDIM_200, stuckWindow(DDIM_200)),
                CatalogueEntry.of(inD, Control.mutant("picardBlocks:sweeps=M", "Picard blocks that never stop early (every block swept as "
                        + "often as the largest block has points): the sequential rounds", inD.neverStoppingEarly(new int[] {2, 8, 32}))));
    }

    /** ParaDiGMS's mutant: the claim at tolerance 1e-12 on {@value #CONTROL_STEPS} steps, whose window slides one point a round. */
    private static Control stuckWindow(ParadigmsClaim claim) {
        return Control.mutant("paradigms:tol=1e-12", STUCK_WINDOW + (claim.steps() > CONTROL_STEPS ? " (on " + CONTROL_STEPS + " steps, to "
                + "keep the control short)" : ""), claim.variant(CONTROL_STEPS, 1e-12));
    }
}
