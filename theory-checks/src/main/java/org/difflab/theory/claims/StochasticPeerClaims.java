package org.difflab.theory.claims;

import java.util.List;

/**
 * The weak-order claims of the peers' stochastic samplers (issue 27: k-diffusion's and EDM's SDE and ancestral
 * samplers), on {@link Experiment#standard()} like {@link StandardClaims} and in its family: W2 between the exact
 * output law and the reference law, a 5% noise-variance mutant ({@code @noise=0.05}) and a positive control of the
 * same order. None of these papers states a weak order: each claim is a consistency claim whose expected order is
 * DiffLab's reading of the update, said in the claim.
 */
final class StochasticPeerClaims {
    private static final double TOLERANCE = 0.05;
    private static final String ANCESTRAL = "on exact marginals the ODE step to sigma_down and the noise sigma_up give the law at "
            + "sigma_{i+1} exactly, so the law's error is the second-order ODE step's: weak order 2";
    private static final String READING = "DiffLab's reading of the ancestral split (AncestralStep's Javadoc)";

    private StochasticPeerClaims() {}

    /** The claims, in report order. */
    static List<CatalogueEntry> all() {
        Experiment e = Experiment.standard();
        return List.of(
                StandardClaims.entry(new OrderClaim("order-edm-stochastic", StandardClaims.FAMILY, Provenance.consistency("Karras, Aittala, "
                        + "Aila, Laine (2022), Elucidating the design space of diffusion-based generative models (EDM), NeurIPS", "Algorithm 2: "
                        + "the stochastic sampler (churn, then Heun); the paper states no weak order").differs("on exact marginals the churn "
                        + "moves the law from sigma_i to sigma_hat exactly, so the law's error is Heun's: weak order 2 with S_noise = 1 and a "
                        + "fixed S_churn (gamma_i = S_churn/N -> 0; S_churn = 20 keeps gamma below its cap sqrt 2 - 1 from 80 steps on); "
                        + "S_noise > 1 is an error no step count removes").basis("DiffLab's reading of Algorithm 2 (EdmStochastic's Javadoc)"),
                        "EDM's stochastic sampler has weak order 2 (S_noise = 1, fixed S_churn)", List.of("edmStochastic:churn=20"), e, 2,
                        TOLERANCE, "Weak error (W2 of the law); S_churn 20, S_tmin 0.05, S_tmax 50, S_noise 1; 2 NFE per step."),
                        "edmStochastic:churn=20@noise=0.05", "heun"),
                StandardClaims.entry(new OrderClaim("order-dpmpp3m-sde", StandardClaims.FAMILY, Provenance.consistency("Lu, Zhou, Bao, "
                        + "Chen, Li, Zhu (2022), DPM-Solver++, arXiv 2211.01095", "the third-order multistep solver in data prediction, "
                        + "in its SDE form as k-diffusion's sample_dpmpp_3m_sde; the paper states orders for the ODE solvers only")
                        .differs("the peers' coefficients give the second-difference term half the weight of a third-order Taylor "
                                + "match, so even the ODE form (eta = 0) is second order (DpmSolverPP3MSde's Javadoc); expected weak order "
                                + "2").basis("DiffLab's reading of the update, with the order measured at eta = 0 and 1"),
                        "DPM-Solver++(3M) SDE is second order in law (eta = 1)", List.of("dpmSolverPP3MSde"), e, 2, TOLERANCE,
                        "Weak error (W2 of the law); eta 1; first step first order, second step second order."),
                        "dpmSolverPP3MSde@noise=0.05", "dpmSolverPP2MSde"),
                StandardClaims.entry(new OrderClaim("order-dpm2-ancestral", StandardClaims.FAMILY, Provenance.consistency("Lu, Zhou, Bao, "
                        + "Chen, Li, Zhu (2022), DPM-Solver, NeurIPS, arXiv 2206.00927", "Algorithm 1 (DPM-Solver-2, r = 1/2) with ancestral "
                        + "noise as k-diffusion's sample_dpm_2_ancestral; the paper states order 2 for the ODE solver only").differs(ANCESTRAL)
                        .basis(READING), "DPM-Solver-2 with ancestral noise is second order in law", List.of("dpm2Ancestral"), e, 2,
                        TOLERANCE, "Weak error (W2 of the law); eta 1; 2 NFE per step (1 on the step to sigma = 0)."),
                        "dpm2Ancestral@noise=0.05", "heun"),
                StandardClaims.entry(new OrderClaim("order-dpmpp2s-ancestral", StandardClaims.FAMILY, Provenance.consistency("Lu, Zhou, Bao, "
                        + "Chen, Li, Zhu (2022), DPM-Solver++, arXiv 2211.01095", "Algorithm 1 (DPM-Solver++(2S), r = 1/2) with ancestral "
                        + "noise as k-diffusion's sample_dpmpp_2s_ancestral; the paper states order 2 for the ODE solver only")
                        .differs(ANCESTRAL).basis(READING), "DPM-Solver++(2S) with ancestral noise is second order in law",
                        List.of("dpmSolverPP2SAncestral"), e, 2, TOLERANCE, "Weak error (W2 of the law); eta 1; 2 NFE per step (1 on "
                        + "the step to sigma = 0)."), "dpmSolverPP2SAncestral@noise=0.05", "dpmSolverPP2MSde"),
                StandardClaims.entry(new OrderClaim("order-dpmpp-sde", StandardClaims.FAMILY, Provenance.consistency("Lu, Zhou, Bao, Chen, "
                        + "Li, Zhu (2022), DPM-Solver++, arXiv 2211.01095", "Algorithm 1 (DPM-Solver++(2S), r = 1/2) with noise on both "
                        + "substeps as k-diffusion's sample_dpmpp_sde; the paper states order 2 for the ODE solver only").differs("the "
                        + "two substeps' noises are increments of one Brownian motion in sigma (as k-diffusion's Brownian tree); with "
                        + "independent draws the weak order is 1 (numpy oracle), so the expected 2 rests on that correlation and on "
                        + "affine scores").basis("measured by exact evaluation (DpmSolverPPSde's Javadoc)"), "Stochastic DPM-Solver++ "
                        + "(k-diffusion's sample_dpmpp_sde) is second order in law", List.of("dpmSolverPPSde"), e, 2, TOLERANCE,
                        "Weak error (W2 of the law); eta 1; 2 NFE per step (1 on the step to sigma = 0)."), "dpmSolverPPSde@noise=0.05",
                        "dpm2Ancestral"));
    }
}
