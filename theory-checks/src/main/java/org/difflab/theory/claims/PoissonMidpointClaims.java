package org.difflab.theory.claims;

import java.util.List;

/**
 * The claims of the Poisson midpoint method applied to DDPM (Kandasamy and Nagaraj, NeurIPS 2024, arXiv 2405.17068;
 * spec SAMPLERS.md section 4; research note poisson_midpoint.md sections 2.3, 3 and 9.2). The fine chain is DDPM-1000
 * (posterior variance) on the model's training schedule; M coarse blocks of K = 1000/M fine steps cost about 2M model
 * calls, so M = 25 and 40 blocks give the 50 and 80 NFE of the paper's headline. The diffusion instantiation, the
 * block layouts and the batch-shared selection are reconstructions (note section 3).
 */
final class PoissonMidpointClaims {
    static final String FAMILY = "Poisson midpoint: DDPM-1000 quality at 50-80 NFE";
    static final String PAPER = "Kandasamy and Nagaraj (2024), The Poisson midpoint method for Langevin dynamics, NeurIPS, "
            + "arXiv 2405.17068";
    private static final String REFERENCE = "ddpm:variance=small";
    private static final String BERNOULLI = "poissonMidpoint";
    private static final String ONE = "poissonMidpoint:select=one";
    /** Equal blocks of K fine steps (no separate final jump: the last block ends at t = 0). */
    private static final String UNIFORM_BLOCKS = "power:p=1";
    /** Blocks with boundaries at round(1000 (k/M)^2), finer near the data (note section 3.1). */
    private static final String QUADRATIC_BLOCKS = "power:p=2";

    private PoissonMidpointClaims() {}

    /** The claims, in report order. */
    static List<Claim> all() {
        return List.of(
                budget("pmm-ddpm-budget-ldm", "sqrtlinear:b0=0.0015,b1=0.0195,T=1000", "the LDM sqrt-linear schedule (0.0015..0.0195)"),
                budget("pmm-ddpm-budget-linear", "linear:T=1000", "the DDPM linear schedule (1e-4..0.02)"),
                new EqualBudgetClaim("pmm-stiff-block-layout", FAMILY, PAPER + "; poisson_midpoint.md section 3.1 (failure mode at small "
                        + "data scale)", "At data scale s = 0.1 the last uniform block is stiff (Lipschitz constant ~ beta_t/(1 - abar_t) "
                        + "~ 1/t per fine step) and the K-weighted correction blows up; blocks finer near t = 0 fix it",
                        "gaussian:d=1,mean=0,var=0.01", "linear:T=1000", BudgetRun.reference(REFERENCE, "uniform", 1000),
                        List.of(BudgetRun.far(BERNOULLI, UNIFORM_BLOCKS, 25), BudgetRun.far(ONE, UNIFORM_BLOCKS, 25),
                                BudgetRun.close(BERNOULLI, QUADRATIC_BLOCKS, 25), BudgetRun.close(ONE, QUADRATIC_BLOCKS, 25)),
                        0.2, 0.5, 64, "The note measured variance ratios (to the data) of 9.4 / 2.8 with uniform blocks and "
                                + "1.06 / 0.97 with quadratic ones on this schedule; 20% is the band for CLOSE here."),
                new MonteCarloBudgetClaim("pmm-mixture-budget", FAMILY, PAPER + "; poisson_midpoint.md section 9.1 (d)",
                        "On a 2-D Gaussian mixture with exact scores, PMM with 50 NFE matches DDPM-1000 while DDPM with 50 steps "
                                + "does not", "gmm:preset=ring8,radius=2,var=0.1", "linear:T=1000", BudgetRun.reference(REFERENCE, "uniform", 1000),
                        List.of(BudgetRun.close(BERNOULLI, QUADRATIC_BLOCKS, 25), BudgetRun.far(REFERENCE, "uniform", 50)), 0.3, 4000, 11,
                        "Monte Carlo: 4000 samples per run, MMD^2 with a Gaussian kernel of bandwidth 0.3 (about the components' "
                                + "standard deviation 0.32)."),
                new NfeDistributionClaim("pmm-nfe-per-step", FAMILY, PAPER + "; poisson_midpoint.md section 2.3",
                        "Each coarse step evaluates the model once plus once per selected sub-index 1..K-1 (probability 1/K each): "
                                + "extra calls Binomial(K-1, 1/K), mean NFE 2 - 1/K", BERNOULLI, "linear:T=1000", UNIFORM_BLOCKS, 25, 1, 200,
                        "K = 40; selection shared across the batch (one draw per coarse step)."));
    }

    private static Claim budget(String id, String schedule, String words) {
        return new EqualBudgetClaim(id, FAMILY, PAPER + "; poisson_midpoint.md sections 3 and 9.2",
                "With exact scores on Gaussian data (s = 1) and " + words + ", PMM with 25 and 40 blocks (about 50 and 80 NFE) lands "
                        + "within a few percent of DDPM-1000, while DDPM and DDIM with the same NFE are far off",
                "gaussian:d=1,mean=0,var=1", schedule, BudgetRun.reference(REFERENCE, "uniform", 1000),
                List.of(BudgetRun.close(BERNOULLI, UNIFORM_BLOCKS, 25), BudgetRun.close(BERNOULLI, UNIFORM_BLOCKS, 40),
                        BudgetRun.close(ONE, UNIFORM_BLOCKS, 25), BudgetRun.close(ONE, UNIFORM_BLOCKS, 40),
                        BudgetRun.far(REFERENCE, "uniform", 50), BudgetRun.far(REFERENCE, "uniform", 80),
                        BudgetRun.far("ddim", "uniform", 50), BudgetRun.far("ddim", "uniform", 80)),
                0.05, 0.05, 64, "Output variance relative to DDPM-1000's (itself 0.99 of the data variance). CLOSE and FAR share one "
                        + "5% band. The note measured PMM at 1.027 / 1.000 (Bernoulli / one midpoint, M = 25, LDM schedule).");
    }
}
