package org.difflab.theory.claims;

import java.util.List;

/**
 * The parallel-in-time claims of SAMPLERS.md section 6: PIADM's Picard blocks (Chen, Ren, Ying and Rotskoff 2024,
 * arXiv 2405.15986) and ParaDiGMS's sliding window (Shih et al. 2023); research note mlem_parallel.md parts B and C.
 */
final class ParallelClaims {
    static final String FAMILY = "Parallel-in-time sampling (PIADM, ParaDiGMS)";

    private ParallelClaims() {}

    /** The claims, in report order. */
    static List<Claim> all() {
        return List.of(
                new PicardSweepsClaim("picard-sweeps", 8, 64, 64, 3),
                new ParadigmsClaim("paradigms-rounds-ddpm-1000", "ddpm", 1000, 16, 0.1, 16),
                new ParadigmsClaim("paradigms-rounds-ddim-200", "ddim", 200, 16, 0.1, 16),
                new PicardDimensionClaim("piadm-rounds-polylog-in-d", new int[] {4, 16, 64, 256, 1024}, 0.1, 8, 0.2,
                        "On an isotropic Gaussian with the exact score every coordinate is off by O(h) for the SDE and the ODE alike, and TV of "
                        + "d independent coordinates grows like sqrt(d) times that, so T_seq ~ sqrt(d) / eps for both: the SDE's d is a "
                        + "worst-case bound (in KL) that this target does not reach, the ODE sits on its sqrt(d). N is fixed at 8 blocks (the "
                        + "theory's N = O(log d) would add a log factor). The TV at a given K can fall below the converged TV (Picard "
                        + "truncation and discretisation errors of opposite sign), hence two passing sweeps in a row. The ODE is PIADM-ODE's "
                        + "predictor only; its underdamped-Langevin corrector is not built."));
    }
}
