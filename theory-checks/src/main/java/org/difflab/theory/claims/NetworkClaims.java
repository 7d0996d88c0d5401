package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;
import org.difflab.runtime.zoo.Zoo;
import org.difflab.runtime.zoo.ZooEntry;

/**
 * Claims on real networks (issue 7, SAMPLERS.md section 1 on "Gaussian toy targets and real UNets"): strong
 * orders against a fine reference from the same initial noise and, for the stochastic samplers, the same Brownian
 * path (a trained network has no closed-form law, so path errors are what can be measured exactly); the Poisson
 * midpoint method's budget against DDPM-1000 by sample distances to the data with a grid of images per sampler; ML-EM
 * on the zoo's hierarchy of UNets. The same kinds of claims on the Fashion-MNIST zoo are FashionNetworkClaims'.
 */
final class NetworkClaims {
    static final String FAMILY = ClaimFamilies.NETWORK;
    private static final int[] STEPS = {12, 24, 48, 96};
    private static final String SCHEDULE = "linear:T=1000";
    /** DDPM with the posterior variance, the fine chain of the Poisson midpoint method. */
    private static final String PMM_REFERENCE = "ddpm:variance=small";
    /** The zoo entry the claims run on: trained in about a minute on first use, 78 ms per evaluation of 64 images. */
    static final String ZOO_ENTRY = "shapes16-w16";
    private static final String NETWORK = "a UNet of width 16 trained on DiffLab's 16x16 synthetic shapes (the zoo), not the papers' image "
            + "models; the error is measured path by path against a fine run on the same network";
    private static final int[] CONTROL_STEPS = {12, 24, 48, 96};
    /**
     * ML-EM's always-on levels on the zoo: level 1 (width 8), whose pilot difference to the Gaussian base is the largest
     * of the hierarchy at the smallest cost, so its optimal gate probability is clamped at 1 (docs/claims.md has the
     * pilot numbers); gating it made the runs blow up.
     */
    private static final int OPEN_LEVELS = 1;

    private NetworkClaims() {}

    /** The claims on the zoo's {@link #ZOO_ENTRY}, and ML-EM on the whole zoo. */
    static List<CatalogueEntry> all() {
        List<CatalogueEntry> out = new ArrayList<>(all(new ClaimModel("zoo:" + ZOO_ENTRY + " (UNet width 16, 16x16 shapes, trained on first use)",
                () -> Zoo.standard().model(ZOO_ENTRY))));
        out.add(new CatalogueEntry(new NetworkMultilevelClaim("network-mlem-hierarchy", "the zoo's UNets of widths 8 / 16 / 32 / 64 (16x16 "
                + "shapes, trained on first use)", Zoo::standard, SCHEDULE, new int[] {16, 32, 64}, 256, new double[] {1, 16, 256, 4096, 65536},
                OPEN_LEVELS, 64, 16, 1), Tier.NETWORK, List.of(), Zoo.standardEntries().stream().map(ZooEntry::name).toList()));
        return out;
    }

    /** The claims on this network, in report order, each with a mutant. */
    static List<CatalogueEntry> all(ClaimModel network) {
        List<CatalogueEntry> out = new ArrayList<>(strongOrders(network, "", NETWORK, ZOO_ENTRY));
        NetworkBudgetClaim pmm = new NetworkBudgetClaim("network-pmm-budget", FAMILY, Provenance.reconstruction(PoissonMidpointClaims.PAPER,
                "abstract: DDPM-1000 quality (FID on latent diffusion models) with 50-80 model calls").differs(NETWORK.replace("; the error "
                + "is measured path by path against a fine run on the same network", "") + "; MMD^2 and sliced W2^2 to 128 data images "
                + "instead of FID on 50k").basis("research note poisson_midpoint.md 3 and 9.2; review pmm_fulltext.md (the diffusion recipe "
                + "is [R])"),
                "On a trained network, PMM with 25 and 40 blocks (about 50 and 80 NFE) draws images as close to the data as "
                        + "DDPM-1000, while DDPM and DDIM with the same NFE are farther", network, 16, SCHEDULE,
                BudgetRun.reference(PMM_REFERENCE, "uniform", 1000),
                List.of(BudgetRun.close("poissonMidpoint", "power:p=1", 25), BudgetRun.close("poissonMidpoint", "power:p=1", 40),
                        BudgetRun.far(PMM_REFERENCE, "uniform", 50), BudgetRun.far(PMM_REFERENCE, "uniform", 80),
                        BudgetRun.far("ddim", "uniform", 50), BudgetRun.far("ddim", "uniform", 80)), 128, 5,
                "Distances to data images, not to DDPM-1000's: they include the network's own error, which every sampler shares.");
        out.add(network(pmm, ZOO_ENTRY, Control.mutant("poissonMidpoint@gates=1e9", "selections that never open: no midpoint correction "
                + "at all", pmm.withContenders(List.of(BudgetRun.close("poissonMidpoint@gates=1e9", "power:p=1", 25)), 64))));
        return out;
    }

    /**
     * The three strong-order claims (first- and second-order ODE solvers, the SDE samplers) on {@code network}, each with
     * its mutant: ids {@code network-strong-order-1-ode}, {@code -2-ode} and {@code -sde} followed by {@code idSuffix}.
     *
     * @param differs  how the network differs from the papers' setting
     * @param zooEntry the zoo entry the claims need trained
     */
    static List<CatalogueEntry> strongOrders(ClaimModel network, String idSuffix, String differs, String zooEntry) {
        StrongOrderClaim ode1 = new StrongOrderClaim("network-strong-order-1-ode" + idSuffix, FAMILY,
                Provenance.paper("Song, Meng, Ermon (2021), DDIM, "
                + "ICLR; Song et al. (2021), score SDEs, ICLR", "DDIM (eq. 14) and Euler on the probability-flow ODE (eq. 13) are "
                + "first-order one-step methods (Hairer, Norsett and Wanner 1993, II.3)").differs(differs),
                "first-order ODE solvers converge path by path with order 1 in the step count", List.of("ddim", "probabilityFlowEuler"),
                network, SCHEDULE, STEPS, "heun", 768, 16, 1, 1, 0.25, "");
        StrongOrderClaim ode2 = new StrongOrderClaim("network-strong-order-2-ode" + idSuffix, FAMILY,
                Provenance.paper("Karras et al. (2022), EDM, "
                + "Algorithm 1; Lu et al. (2022), DPM-Solver++, Algorithm 2; Li et al. (2024), accelerated ODE sampler", "second-order "
                + "methods: global error O(h^2)").differs(differs),
                "second-order ODE solvers converge path by path with order 2 in the step count",
                List.of("heun", "dpmSolverPP2M", "acceleratedOde"), network, SCHEDULE, STEPS, "heun", 768, 16, 1, 2, 0.25, "");
        StrongOrderClaim sde = new StrongOrderClaim("network-strong-order-sde" + idSuffix, FAMILY,
                Provenance.paper("Kloeden and Platen (1992), "
                + "Numerical solution of SDEs", "section 10.2: Euler-Maruyama has strong order 1 for additive noise (the reverse SDE's "
                + "g(t) dW does not depend on the state)").differs(differs + ", on one Brownian path"),
                "Euler-Maruyama and the DDPM ancestral sampler converge path by path, on one Brownian path, with order 1",
                List.of("eulerMaruyama", "ddpm"), network, SCHEDULE, STEPS, "eulerMaruyama", 768, 16, 1, 1, 0.25,
                "DDPM's ancestral step is a discretisation of the same reverse SDE (Ho et al. 2020), so it is compared with a "
                        + "fine Euler-Maruyama run on the same path.");
        return List.of(
                network(ode1, zooEntry, Control.mutant("ddim@score=0.05", "the model term's coefficient 5% too large",
                        ode1.withIntegrators(List.of("ddim@score=0.05"), CONTROL_STEPS))),
                network(ode2, zooEntry, Control.mutant("heun@score=0.05", "the model term's coefficient 5% too large",
                        ode2.withIntegrators(List.of("heun@score=0.05"), CONTROL_STEPS))),
                network(sde, zooEntry, Control.mutant("eulerMaruyama@noise=0.05", "the injected noise's variance 5% too large",
                        sde.withIntegrators(List.of("eulerMaruyama@noise=0.05"), CONTROL_STEPS))));
    }

    private static CatalogueEntry network(Claim claim, String zooEntry, Control... controls) {
        return new CatalogueEntry(claim, Tier.NETWORK, List.of(controls), List.of(zooEntry));
    }
}
