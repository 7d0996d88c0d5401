package org.difflab.theory.claims;

import java.util.List;

/**
 * The claims of Li and Cai (arXiv 2410.23285) on DiffLab's second-order reconstruction of their sampler
 * ({@code liCai}, {@link org.difflab.dsl.integrator.LiCaiStochastic}): its order against h = ln T / T on the Li schedule
 * in d = 1 and d = 64 (exact evaluation, no clipping), and its iteration complexity against the paper's
 * O~(d^{5/4}/sqrt(eps)) on the cells inside the paper's regime eps &lt;= 1/sqrt(d) only (a grid with a cell outside it is
 * refused). All are reconstructions: the paper's algorithm text was not available, so a VIOLATED verdict is a FINDING
 * about our scheme. Whether the default clip fires is measured by Monte Carlo in the tests (it does not, at the step
 * counts these claims use).
 */
final class LiCaiClaims {
    static final String FAMILY = "Li and Cai: a second-order stochastic sampler (reconstruction)";
    private static final String PAPER = "Li and Cai (2024), Provable acceleration for diffusion models under minimal assumptions, arXiv 2410.23285";
    private static final String BASIS = "review li_cai_fulltext.md 2 (what is known of the algorithm) and 2.3 (the rate implies second "
            + "order in T at fixed d); the derivation in LiCaiStochastic's Javadoc";
    private static final String RECONSTRUCTED = "liCai is DiffLab's scheme from the paper's stated ingredients (fresh noise every step, a "
            + "momentum-like second-order correction of the probability-flow integral, clipping, burn-in); its formulas are [R]; run with "
            + "clip=inf (affine, so the exact evaluator takes it) on N(1, 0.05 I_d) with exact scores";
    /** Decided before measuring: the issue asks for local slopes of at least 1.9 against h. */
    private static final double TOLERANCE = 0.1;
    private static final int[] STEPS = {800, 1600, 3200, 6400, 12800};
    private static final int[] CONTROL_STEPS = {800, 1600, 3200, 6400};
    private static final int[] DIMS = {1, 4, 16, 64, 256};
    /** Every tolerance at most 1/sqrt(256) = 0.0625: inside the paper's regime for every d fitted. */
    private static final double[] EPS = {3e-2, 1e-2, 3e-3};
    private static final int[] CONTROL_DIMS = {1, 2, 4};
    private static final double[] CONTROL_EPS = {1e-1, 5e-2, 3e-2};
    private static final String SAMPLER = "liCai:clip=inf";
    private static final String COEFFICIENT_OFF = "liCai:clip=inf,c=0.25";
    private static final String SPLIT_OFF = "liCai:clip=inf,split=0.5";

    private LiCaiClaims() {}

    /** The claims, in report order. */
    static List<CatalogueEntry> all() {
        return List.of(rate(1), rate(64), complexity());
    }

    private static CatalogueEntry rate(int dim) {
        OrderClaim claim = new OrderClaim(dim == 1 ? "li-cai-rate" : "li-cai-rate-d" + dim, FAMILY, Provenance.reconstruction(PAPER,
                "abstract: TV eps within O~(d^{5/4}/sqrt(eps)) iterations, which at fixed d means TV ~ polylog(T) / T^2")
                .differs(RECONSTRUCTED + (dim == 1 ? "" : "; isotropic, so the rate in T cannot depend on d here")).basis(BASIS),
                "A stochastic sampler with the paper's rate is second order in h = ln T / T" + (dim == 1 ? "" : " (d = " + dim + ")"),
                List.of(SAMPLER), LiClaims.experiment(dim, STEPS), 2, TOLERANCE,
                "The review's exact oracle and DiffLab's agree: local slope 1.99 at T = 16384 (acceleratedDdpm and momentumStochastic: "
                        + "0.99). Tolerance 0.1 fixed before measuring (local slopes >= 1.9 asked for).");
        OrderClaim quick = claim.withSteps(CONTROL_STEPS);
        return CatalogueEntry.of(claim,
                Control.mutant("liCai:c=0.25", "the correction's coefficient 1/2 written as 1/4 (the ODE's value)",
                        quick.withIntegrators(List.of(COEFFICIENT_OFF))),
                Control.mutant("liCai:split=0.5", "half of the step's noise drawn before the score evaluation (acceleratedDdpm's split) "
                        + "on top of the correction: the noise-score cross term counted twice", quick.withIntegrators(List.of(SPLIT_OFF))));
    }

    private static CatalogueEntry complexity() {
        ComplexityClaim claim = new ComplexityClaim("complexity-li-cai", FAMILY, Provenance.reconstruction(PAPER, "abstract (v3): TV eps "
                + "within O~(d^{5/4}/sqrt(eps)) iterations for eps <= 1/sqrt(d), against O~(d/eps) for DDPM")
                .differs(RECONSTRUCTED + "; every cell has eps <= 1/sqrt(d) (the paper's regime); on an isotropic Gaussian T depends on "
                        + "sqrt(d)/eps only, so only a = b/2 is checked, not the worst-case d^{5/4}").basis(BASIS),
                "An accelerated stochastic sampler reaches TV eps in O~(d^{5/4}/sqrt(eps)) iterations", SAMPLER, DIMS,
                insideRegime(DIMS, EPS), 1 << 18, 1, 1.25, 0.5, 1,
                "Log allowance k = 1 (the paper's power of log T is not known [R]). All cells lie inside eps <= 1/sqrt(d); a grid with a "
                        + "cell outside is refused.");
        return CatalogueEntry.of(claim,
                Control.positive("acceleratedOde:form=multistep", "a second-order deterministic sampler under the same rule and bound",
                        claim.variant("acceleratedOde:form=multistep", 0.5, 1, CONTROL_DIMS, insideRegime(CONTROL_DIMS, CONTROL_EPS), 1)),
                Control.mutant("liCai:c=0.25", "the correction's coefficient 1/2 written as 1/4: first order, b near 1",
                        claim.variant(COEFFICIENT_OFF, 0.5, 1, CONTROL_DIMS, insideRegime(CONTROL_DIMS, CONTROL_EPS), 1)));
    }

    /**
     * The tolerances, refused unless every one lies in the paper's regime eps &lt;= 1/sqrt(d) for every d (Li and Cai
     * compare with O~(d/eps) only there).
     */
    static double[] insideRegime(int[] dims, double[] eps) {
        for (int d : dims) {
            for (double e : eps) {
                if (e > 1 / Math.sqrt(d)) {
                    throw new IllegalArgumentException("eps = " + e + " with d = " + d + " is not allowed for a Li and Cai complexity claim: "
                            + "it must be <= 1/sqrt(d) = " + 1 / Math.sqrt(d) + " (the paper's regime)");
                }
            }
        }
        return eps;
    }
}
