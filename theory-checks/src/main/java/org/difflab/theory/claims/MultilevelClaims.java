package org.difflab.theory.claims;

import java.util.List;

/**
 * The multilevel Euler-Maruyama claims of SAMPLERS.md section 5 (Jacot 2026, arXiv 2603.24594; research note
 * mlem_parallel.md part A; review mlem_piadm_fulltext.md), on synthetic hierarchies with known gamma whose base is the
 * exact score of a Gaussian. Mutants: gates that open half as often as their 1/p_k weights assume ({@code @gates=2}, a
 * biased estimator whose cost and error no longer meet the eta -&gt; 0 limit's).
 */
final class MultilevelClaims {
    static final String FAMILY = ClaimFamilies.MULTILEVEL;
    private static final String HALF_GATES = "gates open half as often as their 1/p_k weights assume: a biased drift estimator";

    private MultilevelClaims() {}

    /** The claims, in report order. */
    static List<CatalogueEntry> all() {
        MultilevelEstimatorClaim estimator = new MultilevelEstimatorClaim("mlem-estimator", 5, 200, 1.0 / 64, new double[] {0.9, 0.5, 0.1},
                100_000, 4);
        MultilevelCostClaim cost25 = new MultilevelCostClaim("mlem-cost-exponent-gamma-2p5", 2.5, 5, 12, 2, 0.1, 400, 0.25, "");
        MultilevelCostClaim cost3 = new MultilevelCostClaim("mlem-cost-exponent-gamma-3", 3, 5, 12, 2, 0.1, 400, 0.25, "");
        MultilevelPlateauClaim plateau = new MultilevelPlateauClaim("mlem-eta-plateau", 5, 1000, new int[] {16, 32, 64, 128, 256, 512, 1024}, 400,
                0.1);
        return List.of(
                CatalogueEntry.of(estimator, Control.mutant("mlem@gates=2", HALF_GATES, estimator.mutated("gates=2", 100_000))),
                CatalogueEntry.of(cost25, Control.mutant("mlem@gates=2", HALF_GATES, cost25.variant(5, 12, "gates=2"))),
                CatalogueEntry.of(cost3, Control.mutant("mlem@gates=2", HALF_GATES, cost3.variant(5, 12, "gates=2"))),
                CatalogueEntry.of(plateau, Control.mutant("mlem@gates=2", HALF_GATES + " in the stepped runs, against the intact "
                        + "Poisson-jump limit", plateau.mutated("gates=2", new int[] {64, 128, 256, 512}))));
    }
}
