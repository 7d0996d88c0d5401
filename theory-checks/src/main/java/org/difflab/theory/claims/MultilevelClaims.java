package org.difflab.theory.claims;

import java.util.List;

/**
 * The multilevel Euler-Maruyama claims of SAMPLERS.md section 5 (Jacot 2026, arXiv 2603.24594; research note
 * mlem_parallel.md part A), on synthetic hierarchies with known gamma whose base is the exact score of a Gaussian.
 */
final class MultilevelClaims {
    static final String FAMILY = "Multilevel Euler-Maruyama (ML-EM)";

    private MultilevelClaims() {}

    /** The claims, in report order. */
    static List<Claim> all() {
        return List.of(
                new MultilevelEstimatorClaim("mlem-estimator", 5, 200, 1.0 / 64, new double[] {0.9, 0.5, 0.1}, 100_000, 4),
                new MultilevelCostClaim("mlem-cost-exponent-gamma-2p5", 2.5, 5, 12, 2, 0.1, 400, 0.25, ""),
                new MultilevelCostClaim("mlem-cost-exponent-gamma-3", 3, 5, 12, 2, 0.1, 400, 0.25, ""),
                new MultilevelPlateauClaim("mlem-eta-plateau", 5, 1000, new int[] {16, 32, 64, 128, 256, 512, 1024}, 400, 0.1));
    }
}
