package org.difflab.theory.claims;

import java.util.List;

/**
 * The parallel-in-time sampling claims of SAMPLERS.md section 6 (research note mlem_parallel.md parts B and C): PIADM's
 * Picard blocks (Chen, Ren, Ying and Rotskoff 2024, arXiv 2405.15986) measured exactly on Gaussian targets.
 */
final class ParallelClaims {
    static final String FAMILY = "Parallel-in-time sampling (PIADM, ParaDiGMS)";

    private ParallelClaims() {}

    /** The claims, in report order. */
    static List<Claim> all() {
        return List.of(new PicardDimensionClaim("piadm-rounds-polylog-in-d", new int[] {4, 16, 64, 256, 1024}, 0.1, 8, 0.2,
                "On an isotropic Gaussian with the exact score every coordinate is off by O(h) for the SDE and the ODE alike, and TV of "
                        + "d independent coordinates grows like sqrt(d) times that, so T_seq ~ sqrt(d) / eps for both: the SDE's d is a "
                        + "worst-case bound (in KL) that this target does not reach, the ODE sits on its sqrt(d). N is fixed at 8 blocks (the "
                        + "theory's N = O(log d) would add a log factor). The TV at a given K can fall below the converged TV (Picard "
                        + "truncation and discretisation errors of opposite sign), hence two passing sweeps in a row. The ODE is PIADM-ODE's "
                        + "predictor only; its underdamped-Langevin corrector is not built."));
    }
}
