package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;
import org.difflab.runtime.zoo.Zoo;

/**
 * Claims on real networks (issue 7, SAMPLERS.md section 1 on "Gaussian toy targets and real UNets"): strong
 * orders against a fine reference from the same initial noise and, for the stochastic samplers, the same Brownian
 * path (a trained network has no closed-form law, so path errors are what can be measured exactly); the Poisson
 * midpoint method's budget against DDPM-1000 by sample distances to the data with a grid of images per sampler; and
 * ML-EM on the zoo's hierarchy of UNets.
 */
final class NetworkClaims {
    static final String FAMILY = "Real networks: trained UNets";
    private static final int[] STEPS = {12, 24, 48, 96};
    private static final String SCHEDULE = "linear:T=1000";
    /** DDPM with the posterior variance, the fine chain of the Poisson midpoint method. */
    private static final String PMM_REFERENCE = "ddpm:variance=small";
    /** The zoo entry the claims run on: trained in about a minute on first use, 78 ms per evaluation of 64 images. */
    static final String ZOO_ENTRY = "shapes16-w16";

    private NetworkClaims() {}

    /** The claims on the zoo's {@link #ZOO_ENTRY}, and ML-EM on the whole zoo. */
    static List<Claim> all() {
        List<Claim> out = new ArrayList<>(all(new ClaimModel("zoo:" + ZOO_ENTRY + " (UNet width 16, 16x16 shapes, trained on first use)",
                () -> Zoo.standard().model(ZOO_ENTRY))));
        out.add(new NetworkMultilevelClaim("network-mlem-hierarchy", "the zoo's UNets of widths 8 / 16 / 32 / 64 (16x16 shapes, trained on "
                + "first use)", Zoo::standard, SCHEDULE, new int[] {16, 32, 64}, 256, new double[] {1, 16, 256, 4096, 65536}, 64, 16, 1));
        return out;
    }

    /** The claims on this network, in report order. */
    static List<Claim> all(ClaimModel network) {
        return List.of(
                new StrongOrderClaim("network-strong-order-1-ode", FAMILY, "DDIM (Song et al. 2021) and Euler on the probability-flow ODE "
                        + "(Song et al. 2021): first-order one-step methods (Hairer, Norsett and Wanner 1993, II.3)",
                        "first-order ODE solvers converge path by path with order 1 in the step count", List.of("ddim", "probabilityFlowEuler"),
                        network, SCHEDULE, STEPS, "heun", 768, 16, 1, 1, 0.25, ""),
                new StrongOrderClaim("network-strong-order-2-ode", FAMILY, "Heun (Karras et al. 2022, Algorithm 1), DPM-Solver++(2M) (Lu et "
                        + "al. 2022) and Li et al.'s accelerated ODE sampler (2024): second-order methods",
                        "second-order ODE solvers converge path by path with order 2 in the step count",
                        List.of("heun", "dpmSolverPP2M", "acceleratedOde"), network, SCHEDULE, STEPS, "heun", 768, 16, 1, 2, 0.25, ""),
                new StrongOrderClaim("network-strong-order-sde", FAMILY, "Euler-Maruyama has strong order 1 for additive noise (Kloeden and "
                        + "Platen 1992, section 10.2); the reverse SDE's noise g(t) dW does not depend on the state",
                        "Euler-Maruyama and the DDPM ancestral sampler converge path by path, on one Brownian path, with order 1",
                        List.of("eulerMaruyama", "ddpm"), network, SCHEDULE, STEPS, "eulerMaruyama", 768, 16, 1, 1, 0.25,
                        "DDPM's ancestral step is a discretisation of the same reverse SDE (Ho et al. 2020), so it is compared with a "
                        + "fine Euler-Maruyama run on the same path."),
                new NetworkBudgetClaim("network-pmm-budget", FAMILY, PoissonMidpointClaims.PAPER + "; poisson_midpoint.md sections 3 and 9.2",
                        "On a trained network, PMM with 25 and 40 blocks (about 50 and 80 NFE) draws images as close to the data as "
                                + "DDPM-1000, while DDPM and DDIM with the same NFE are farther", network, 16, SCHEDULE,
                        BudgetRun.reference(PMM_REFERENCE, "uniform", 1000),
                        List.of(BudgetRun.close("poissonMidpoint", "power:p=1", 25), BudgetRun.close("poissonMidpoint", "power:p=1", 40),
                                BudgetRun.far(PMM_REFERENCE, "uniform", 50), BudgetRun.far(PMM_REFERENCE, "uniform", 80),
                                BudgetRun.far("ddim", "uniform", 50), BudgetRun.far("ddim", "uniform", 80)), 128, 5,
                        "Distances to data images, not to DDPM-1000's: they include the network's own error, which every sampler shares."));
    }
}
