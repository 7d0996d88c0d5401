package org.difflab.theory.claims;

import java.util.List;

/**
 * The claims of the Poisson midpoint method applied to DDPM (Kandasamy and Nagaraj, NeurIPS 2024, arXiv 2405.17068;
 * spec SAMPLERS.md section 4; research note poisson_midpoint.md sections 2.3, 3 and 9.2; review pmm_fulltext.md). The
 * fine chain is DDPM-1000 (posterior variance) on the model's training schedule; M coarse blocks of K = 1000/M fine
 * steps cost about 2M model calls, so M = 25 and 40 blocks give the 50 and 80 NFE of the paper's headline. The
 * diffusion instantiation, the block layouts and the batch-shared selection are reconstructions [R] (the paper's text
 * was not available), so the budget claims are of kind reconstruction: a miss is a finding about DiffLab's scheme.
 */
final class PoissonMidpointClaims {
    static final String FAMILY = ClaimFamilies.POISSON_MIDPOINT;
    static final String PAPER = ClaimFamilies.POISSON_MIDPOINT_PAPER;
    private static final String HEADLINE = "abstract: DDPM-1000 quality (FID on latent diffusion models) with 50-80 model calls";
    private static final String BASIS = "research note poisson_midpoint.md 3 and 9.2; review pmm_fulltext.md 4, 6 and 7 (fine chain, K, "
            + "block layout and batch sharing are [R])";
    private static final String REFERENCE = PmmDistanceClaim.REFERENCE;
    /** The LDM sqrt-linear schedule of the VQ-f4 models (review pmm_fulltext.md 1: CompVis configs). */
    private static final String LDM_SCHEDULE = "sqrtlinear:b0=0.0015,b1=0.0195,T=1000";
    private static final String BERNOULLI = "poissonMidpoint";
    /** Selections that never open (uniforms scaled past every p): the midpoint correction is never made. */
    private static final String UNWEIGHTED = "poissonMidpoint@gates=1e9";
    private static final String UNWEIGHTED_CHANGE = "selections that never open: the frozen-drift prediction without its K-weighted "
            + "midpoint correction";
    /** Equal blocks of K fine steps (no separate final jump: the last block ends at t = 0). */
    private static final String UNIFORM_BLOCKS = "power:p=1";
    /** Blocks with boundaries at round(1000 (k/M)^2), finer near the data (note section 3.1). */
    private static final String QUADRATIC_BLOCKS = "power:p=2";

    private PoissonMidpointClaims() {}

    /** The claims, in report order. */
    static List<CatalogueEntry> all() {
        MonteCarloBudgetClaim mixture = new MonteCarloBudgetClaim("pmm-mixture-budget", FAMILY, Provenance.reconstruction(PAPER, HEADLINE
                + "; better than ODE samplers at similar compute").differs("a 2-D Gaussian mixture with exact scores instead of latent "
                + "diffusion models; MMD^2 to exact samples instead of FID; the ranking is read through DDPM-1000 (PMM within the noise of "
                + "it, a baseline measurably behind it)").basis("research note poisson_midpoint.md 9.1 (d); review pmm_fulltext.md 8; " + BASIS),
                "On a 2-D Gaussian mixture with narrow components and exact scores, PMM with about 50 NFE matches DDPM-1000 while "
                        + "DDPM (small and large variance), DDIM and DPM-Solver++(2M) with 50 steps fall measurably behind it",
                "gmm:preset=ring8,radius=2,var=0.01", "linear:T=1000", BudgetRun.reference(REFERENCE, "uniform", 1000),
                List.of(BudgetRun.close(BERNOULLI, QUADRATIC_BLOCKS, 25), BudgetRun.far(REFERENCE, "uniform", 50),
                        BudgetRun.far("ddpm:variance=large", "uniform", 50), BudgetRun.far("ddim", "uniform", 50),
                        BudgetRun.far("dpmSolverPP2M", "uniform", 50)), 0.1, 4000, 11,
                "Monte Carlo: 4000 samples per run, MMD^2 with a Gaussian kernel of bandwidth 0.1 (the components' standard deviation); "
                        + "components of sd 0.1 (sd 0.32 left every baseline within 1 standard error of DDPM-1000). A baseline that 4000 "
                        + "samples cannot tell from DDPM-1000 is INCONCLUSIVE, not refuted.");
        NfeDistributionClaim nfe = new NfeDistributionClaim("pmm-nfe-per-step", FAMILY, Provenance.paper(PAPER, "the selection rule: sub-indices "
                + "chosen independently with probability 1/K, so a block costs 2 model calls in expectation (as the follow-up paper restates "
                + "it)").differs("the diffusion instantiation (DDPM-1000 fine chain, one selection for the batch) is a reconstruction [R]")
                .basis("research note poisson_midpoint.md 2.3; review pmm_fulltext.md 2.2"),
                "Each coarse step evaluates the model once plus once per selected sub-index 1..K-1 (probability 1/K each): "
                        + "extra calls Binomial(K-1, 1/K), mean NFE 2 - 1/K", BERNOULLI, "linear:T=1000", UNIFORM_BLOCKS, 25, 1, 200,
                "K = 40; selection shared across the batch (one draw per coarse step).");
        PmmDistanceClaim distance = new PmmDistanceClaim("pmm-distance-to-data", LDM_SCHEDULE, new double[] {0.5, 0.2, 0.35, 0.1},
                2, new int[] {25, 40}, BERNOULLI, QUADRATIC_BLOCKS, List.of("ddim", REFERENCE, "ddpm:variance=large", "dpmSolverPP2M"), 0.1,
                50_000);
        PmmLayoutClaim layout = new PmmLayoutClaim("pmm-block-layout-by-scale", new double[] {1, 0.5, 0.2, 0.1}, 25, new double[] {1, 1.5, 2},
                BERNOULLI, false);
        return List.of(
                CatalogueEntry.of(distance, Control.positive("poissonMidpoint on the part where the claim holds", "the sampler itself on the "
                        + "whole target, exact scores, 25 blocks: the slice the mutant runs on", distance.firstBudgetWhole()),
                        Control.mutant(UNWEIGHTED, UNWEIGHTED_CHANGE + " (on the part where the claim holds: the "
                        + "whole target, exact scores, 25 blocks)", distance.firstBudgetWhole().withPmm(UNWEIGHTED))),
                CatalogueEntry.of(layout, Control.mutant("layouts swapped", "a claim mutant: uniform blocks claimed better at small scale and "
                        + "quadratic ones at scale 1 (scales 1 and 0.1 only)", layout.swappedOn(new double[] {1, 0.1}, new double[] {1, 2}))),
                CatalogueEntry.of(mixture, Control.mutant("poissonMidpoint@noise=0.9", "the injected noise's variance 90% too large (this "
                        + "Monte Carlo claim resolves only gross defects: a 50% error was 2.6 standard errors, a missing correction 0.1)",
                        mixture.withContenders(List.of(BudgetRun.close(BERNOULLI + "@noise=0.9", QUADRATIC_BLOCKS, 25))))),
                CatalogueEntry.of(nfe, Control.mutant("poissonMidpoint:lambda=2", "selection probability doubled (lambda = 2) where the "
                        + "claim expects 1/K", nfe.withIntegrator(BERNOULLI + ":lambda=2", 50))));
    }
}
