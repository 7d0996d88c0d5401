package org.difflab.theory.claims;

import java.util.List;

/**
 * The parallel-in-time claims of SAMPLERS.md section 6: PIADM's Picard blocks (Chen, Ren, Ying and Rotskoff 2024)
 * and ParaDiGMS's sliding window (Shih et al. 2023); research note mlem_parallel.md parts B and C.
 */
final class ParallelClaims {
    static final String FAMILY = "Parallel-in-time sampling (PIADM, ParaDiGMS)";

    private ParallelClaims() {}

    /** The claims, in report order. */
    static List<Claim> all() {
        return List.of(
                new PicardSweepsClaim("picard-sweeps", 8, 64, 64, 3),
                new ParadigmsClaim("paradigms-rounds-ddpm-1000", "ddpm", 1000, 16, 0.1, 16),
                new ParadigmsClaim("paradigms-rounds-ddim-200", "ddim", 200, 16, 0.1, 16));
    }
}
