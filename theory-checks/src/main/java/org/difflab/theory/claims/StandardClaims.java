package org.difflab.theory.claims;

import java.util.List;

/**
 * The order claims of the standard samplers (spec SAMPLERS.md, section 1), all on {@link Experiment#standard()}.
 *
 * <p>Stochastic samplers are measured by the W2 distance between their exact output law and the reference law: a
 * weak error (it sees the law, not the paths), so the order to expect is the weak order. Each claim's mutant is its
 * sampler with a coefficient 5% off (deterministic samplers: the model term, {@code @score=0.05}; stochastic ones: the
 * injected noise's variance, {@code @noise=0.05}), an O(1) error that no order survives; the controls run on the first
 * four step counts.
 */
final class StandardClaims {
    static final String FAMILY = "Standard samplers: convergence orders";
    /** The allowed |order - expected| of these claims and of {@link PeerSamplerClaims}. */
    static final double TOLERANCE = 0.05;
    /** How the standard Gaussian differs from the papers' setting (shared with {@link PeerSamplerClaims}). */
    static final String GAUSSIAN = "a 2-D Gaussian with exact scores on the VP schedule (the theorems hold for smooth problems in "
            + "general)";
    /** The step counts of the controls (shared with {@link PeerSamplerClaims}). */
    static final int[] CONTROL_STEPS = {80, 160, 320, 640};

    private StandardClaims() {}

    /** The claims, in report order. */
    static List<CatalogueEntry> all() {
        Experiment e = Experiment.standard();
        return List.of(
                entry(new OrderClaim("order-ddim", FAMILY, Provenance.paper("Song, Meng, Ermon (2021), Denoising diffusion implicit models "
                        + "(DDIM), ICLR", "eq. (14): DDIM with eta = 0 is an Euler step of the probability-flow ODE in the variables "
                        + "(x / alpha, sigma / alpha)").differs(GAUSSIAN), "DDIM with eta = 0 is a first-order ODE solver: global error O(h)",
                        List.of("ddim"), e, 1, TOLERANCE, ""), "ddim@score=0.05", "probabilityFlowEuler"),
                entry(new OrderClaim("order-pf-euler", FAMILY, Provenance.paper("Song et al. (2021), Score-based generative modeling through SDEs, "
                        + "ICLR", "eq. (13), the probability-flow ODE, solved by Euler's method (Hairer, Norsett, Wanner, Solving ODEs I, "
                        + "II.3: global order 1)").differs(GAUSSIAN), "Euler's method on the probability-flow ODE has global error O(h)",
                        List.of("probabilityFlowEuler"), e, 1, TOLERANCE, ""), "probabilityFlowEuler@score=0.05", null),
                entry(new OrderClaim("order-heun", FAMILY, Provenance.paper("Karras, Aittala, Aila, Laine (2022), Elucidating the design space "
                        + "of diffusion-based generative models (EDM), NeurIPS", "Algorithm 1: Heun's second-order method (Euler on the last "
                        + "step)").differs(GAUSSIAN), "Heun's method has local error O(h^3), global error O(h^2)", List.of("heun"), e, 2,
                        TOLERANCE, "2 NFE per step (1 on the last), so at equal NFE it is compared at half the steps."),
                        "heun@score=0.05", "dpmSolverPP2M"),
                entry(new OrderClaim("order-dpmpp2m", FAMILY, Provenance.paper("Lu, Zhou, Bao, Chen, Li, Zhu (2022), DPM-Solver++, "
                        + "arXiv 2211.01095", "Algorithm 2: the multistep second-order solver in data prediction, global order 2")
                        .differs(GAUSSIAN), "DPM-Solver++(2M) converges with global order 2", List.of("dpmSolverPP2M"), e, 2, TOLERANCE, ""),
                        "dpmSolverPP2M@score=0.05", null),
                entry(new OrderClaim("order-dpmpp2m-sde", FAMILY, Provenance.consistency("Lu et al. (2022), DPM-Solver++, arXiv 2211.01095",
                        "the SDE variant SDE-DPM-Solver++(2M); the paper gives no weak-order theorem, DiffLab's spec table gives 2")
                        .differs("on a Gaussian target the score is affine in x, so the data-prediction exponential integrator sees an "
                                + "exactly linear problem; weak order 2 need not carry over to nonlinear scores").basis("spec SAMPLERS.md, "
                                + "section 1"), "SDE-DPM-Solver++(2M) is second order (spec table: 2)", List.of("dpmSolverPP2MSde"), e, 2,
                        TOLERANCE, "Weak error (W2 of the law)."), "dpmSolverPP2MSde@noise=0.05", null),
                entry(new OrderClaim("order-ddpm", FAMILY, Provenance.paper("Ho, Jain, Abbeel (2020), Denoising diffusion probabilistic models "
                        + "(DDPM), NeurIPS", "Algorithm 2, ancestral sampling, as a discretisation of the reverse VP SDE (Song et al. 2021, "
                        + "appendix E): weak order 1").differs(GAUSSIAN), "Ancestral sampling is a first-order weak discretisation of the "
                        + "reverse SDE", List.of("ddpm"), e, 1, TOLERANCE, "Weak error (W2 of the law); variance beta (large)."),
                        "ddpm@noise=0.05", "eulerMaruyama"),
                entry(new OrderClaim("order-euler-maruyama", FAMILY, Provenance.paper("Kloeden and Platen (1992), Numerical solution of "
                        + "stochastic differential equations", "Theorem 14.5.1: Euler-Maruyama has weak order 1").differs(GAUSSIAN),
                        "Euler-Maruyama on the reverse SDE has weak order 1 (additive noise)", List.of("eulerMaruyama"), e, 1, TOLERANCE,
                        "Weak error (W2 of the law)."), "eulerMaruyama@noise=0.05", null));
    }

    /** The claim, its mutant (a 5% coefficient error) and, when given, a positive control: another sampler of the same order. */
    static CatalogueEntry entry(OrderClaim claim, String mutant, String positive) {
        OrderClaim quick = claim.withSteps(CONTROL_STEPS);
        Control broken = Control.mutant(mutant, mutant.contains("@noise") ? "the injected noise's variance 5% too large"
                : "the model term's coefficient 5% too large", quick.withIntegrators(List.of(mutant)));
        if (positive == null) {
            return CatalogueEntry.of(claim, broken);
        }
        return CatalogueEntry.of(claim, Control.positive(positive, "another sampler known to have this order", quick.withIntegrators(
                List.of(positive))), broken);
    }
}
