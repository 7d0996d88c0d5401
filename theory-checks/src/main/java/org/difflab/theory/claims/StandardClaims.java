package org.difflab.theory.claims;

import java.util.List;

/**
 * The order claims of the standard samplers (spec SAMPLERS.md, section 1), all on {@link Experiment#standard()}.
 *
 * <p>Stochastic samplers are measured by the W2 distance between their exact output law and the reference law: a
 * weak error (it sees the law, not the paths), so the order to expect is the weak order.
 */
final class StandardClaims {
    static final String FAMILY = "Standard samplers: convergence orders";
    private static final double TOLERANCE = 0.05;

    private StandardClaims() {}

    /** The claims, in report order. */
    static List<Claim> all() {
        Experiment e = Experiment.standard();
        return List.of(
                new OrderClaim("order-ddim", FAMILY, "Song, Meng, Ermon (2021), DDIM, ICLR: eq. (14), eta = 0 is an Euler step of the "
                        + "probability-flow ODE in the variables (x / alpha, sigma / alpha)",
                        "DDIM with eta = 0 is a first-order ODE solver: global error O(h)", List.of("ddim"), e, 1, TOLERANCE, ""),
                new OrderClaim("order-pf-euler", FAMILY, "Song et al. (2021), Score-based generative modeling through SDEs, ICLR: "
                        + "probability-flow ODE, eq. (13); Euler's method (Hairer, Norsett, Wanner, Solving ODEs I, II.3)",
                        "Euler's method on the probability-flow ODE has global error O(h)", List.of("probabilityFlowEuler"), e, 1,
                        TOLERANCE, ""),
                new OrderClaim("order-heun", FAMILY, "Karras, Aittala, Aila, Laine (2022), EDM, NeurIPS: Algorithm 1 (Heun's 2nd-order method, "
                        + "Euler on the last step)", "Heun's method has local error O(h^3), global error O(h^2)", List.of("heun"), e, 2,
                        TOLERANCE, "2 NFE per step (1 on the last), so at equal NFE it is compared at half the steps."),
                new OrderClaim("order-dpmpp2m", FAMILY, "Lu, Zhou, Bao, Chen, Li, Zhu (2022), DPM-Solver++, arXiv:2211.01095: Algorithm 2 "
                        + "(multistep second order, data prediction)", "DPM-Solver++(2M) converges with global order 2",
                        List.of("dpmSolverPP2M"), e, 2, TOLERANCE, ""),
                new OrderClaim("order-dpmpp2m-sde", FAMILY, "Lu et al. (2022), DPM-Solver++, arXiv:2211.01095, SDE variant (SDE-DPM-Solver++(2M)); "
                        + "DiffLab spec SAMPLERS.md, section 1", "SDE-DPM-Solver++(2M) is second order (spec table: 2)",
                        List.of("dpmSolverPP2MSde"), e, 2, TOLERANCE,
                        "Weak error (W2 of the law). The paper gives no weak-order theorem for the SDE variant; on a Gaussian "
                                + "target the score is affine in x, so the data-prediction exponential integrator sees an exactly linear "
                                + "problem, and the measured weak order 2 need not carry over to nonlinear scores."),
                new OrderClaim("order-ddpm", FAMILY, "Ho, Jain, Abbeel (2020), DDPM, NeurIPS: Algorithm 2 (ancestral sampling); as a "
                        + "discretisation of the reverse VP SDE (Song et al. 2021, appendix E)",
                        "Ancestral sampling is a first-order weak discretisation of the reverse SDE", List.of("ddpm"), e, 1, TOLERANCE,
                        "Weak error (W2 of the law); variance beta (large)."),
                new OrderClaim("order-euler-maruyama", FAMILY, "Kloeden and Platen (1992), Numerical Solution of SDEs, Theorem 14.5.1 "
                        + "(weak order 1 of Euler-Maruyama)", "Euler-Maruyama on the reverse SDE has weak order 1 (additive noise)",
                        List.of("eulerMaruyama"), e, 1, TOLERANCE, "Weak error (W2 of the law)."));
    }

}
