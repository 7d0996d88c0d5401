package org.difflab.theory.claims;

import static org.difflab.theory.claims.StandardClaims.CONTROL_STEPS;
import static org.difflab.theory.claims.StandardClaims.GAUSSIAN;
import static org.difflab.theory.claims.StandardClaims.TOLERANCE;

import java.util.List;

/**
 * The order claims of the deterministic peers' samplers (issue 27: the samplers researchers know from k-diffusion and
 * diffusers), measured as {@link StandardClaims} measures Heun and DPM-Solver++(2M): exact W2 errors of the output law on
 * {@link Experiment#standard()}'s Gaussian, on the same step counts. Each claim's mutant is its sampler with the model
 * term 5% off ({@code @score=0.05}); the positive control is another sampler of the claimed order (for lms, the same method
 * with 3 steps judged against order 3, which passes on the control's shorter step range; for unipc, its other B(h)).
 */
final class PeerSamplerClaims {
    private PeerSamplerClaims() {}

    /** The claims, in report order. */
    static List<CatalogueEntry> all() {
        Experiment e = Experiment.standard();
        OrderClaim dpm2 = new OrderClaim("order-dpm2", StandardClaims.FAMILY, Provenance.paper("Lu, Zhou, Bao, Chen, Li, Zhu (2022), "
                + "DPM-Solver, NeurIPS", "Algorithm 1 (DPM-Solver-2, r1 = 1/2) and the paper's convergence theorem (DPM-Solver-k has global order k): order 2").differs(GAUSSIAN),
                "DPM-Solver-2 converges with global order 2", List.of("dpm2"), e, 2, TOLERANCE,
                "2 NFE per step; the midpoint is the geometric mean of sigma/alpha (k-diffusion's sample_dpm_2).");
        OrderClaim lms = new OrderClaim("order-lms", StandardClaims.FAMILY, Provenance.paper("Hairer, Norsett, Wanner (1993), Solving "
                + "ordinary differential equations I", "III.5, variable-step Adams-Bashforth: k steps give order k; DiffLab's lms (k-diffusion's "
                + "sample_lms, used by Karras et al. 2022 as a baseline) has k = 4").differs(GAUSSIAN + "; the log-SNR grid has unequal "
                + "steps in sigma (ratio e^(h) between neighbours, tending to 1), which the per-step Lagrange coefficients absorb"),
                "Linear multistep with 4 steps in sigma converges with global order 4 on a smoothly varying grid", List.of("lms"),
                e, 4, TOLERANCE, "1 NFE per step; orders 1-3 on the first three steps (warm-up).");
        OrderClaim ipndm = new OrderClaim("order-ipndm", StandardClaims.FAMILY, Provenance.consistency("Zhang, Chen (2023), Fast sampling of "
                + "diffusion models with exponential integrator (DEIS), ICLR", "iPNDM: Adams-Bashforth weights of equal steps (fourth order "
                + "with equal steps in sigma, where it is lms); the paper states no order for unequal steps").differs(GAUSSIAN + "; on the "
                + "log-SNR grid the steps in sigma vary smoothly, and fixed weights miss that variation by O(h^2) per step: global order 2 "
                + "(DiffLab's analysis, checked here)").basis("the variable-step Adams-Bashforth consistency conditions (Hairer, Norsett, "
                + "Wanner I, III.5)"), "iPNDM with its fixed weights converges with global order 2 on a grid of unequal steps",
                List.of("ipndm"), e, 2, TOLERANCE, "1 NFE per step; the same weights on equal sigma steps give lms's order 4 "
                + "(PeerSamplersOracleTest).");
        OrderClaim unipc = new OrderClaim("order-unipc", StandardClaims.FAMILY, Provenance.paper("Zhao, Bai, Rao, Zhou, Lu (2023), UniPC: a "
                + "unified predictor-corrector framework for fast sampling of diffusion models, NeurIPS", "UniC-p raises the order of a "
                + "p-th order predictor to p + 1 for any B(h) = O(h) (the paper's convergence result for UniC); here p = 2, B(h) = e^h - 1 (bh2), the corrector on "
                + "the next step's evaluation").differs(GAUSSIAN + "; DiffLab's data-prediction form of the paper's updates [R]"),
                "UniPC-2 with its corrector (1 NFE per step) converges with global order 3", List.of("unipc"), e, 3, TOLERANCE,
                "1 NFE per step; the last step's predictor is not corrected.");
        OrderClaim unipc3 = new OrderClaim("order-unipc-3", StandardClaims.FAMILY, unipc.provenance(),
                "UniPC-3 with its corrector converges with global order 4", List.of("unipc:order=3"), e, 4, TOLERANCE,
                "1 NFE per step; orders 1 and 2 on the first steps.");
        OrderClaim deis = new OrderClaim("order-deis", StandardClaims.FAMILY, Provenance.paper("Zhang, Chen (2023), Fast sampling of "
                + "diffusion models with exponential integrator (DEIS), ICLR", "tAB-DEIS: the linear part integrated exactly, the noise "
                + "prediction extrapolated by a polynomial through r + 1 past values in t: an order-(r + 1) multistep method; here r = 2 (tAB3)")
                .differs(GAUSSIAN), "tAB-DEIS with three past values converges with global order 3", List.of("deis:order=3"), e, 3, TOLERANCE,
                "1 NFE per step; orders 1 and 2 on the first steps; the polynomial is in the VP schedule's t, the log-SNR grid's steps in t "
                + "are unequal.");
        return List.of(
                CatalogueEntry.of(dpm2, Control.positive("heun", "another sampler known to have this order",
                        dpm2.withSteps(CONTROL_STEPS).withIntegrators(List.of("heun"))), mutant(dpm2.withSteps(CONTROL_STEPS), "dpm2@score=0.05")),
                CatalogueEntry.of(lms, Control.positive("lms:order=3", "the same method with 3 steps, judged against order 3 (DiffLab has no "
                        + "other fourth-order sampler)", lms.withSteps(CONTROL_STEPS).withIntegrators(List.of("lms:order=3"))
                        .expecting(3)), mutant(lms.withSteps(CONTROL_STEPS), "lms@score=0.05")),
                CatalogueEntry.of(ipndm, Control.positive("heun", "another sampler known to have this order",
                        ipndm.withSteps(CONTROL_STEPS).withIntegrators(List.of("heun"))), mutant(ipndm.withSteps(CONTROL_STEPS), "ipndm@score=0.05")),
                CatalogueEntry.of(unipc, Control.positive("unipc:variant=bh1", "the other B(h) (bh1), of the same order", unipc.withSteps(
                        CONTROL_STEPS).withIntegrators(List.of("unipc:variant=bh1"))), mutant(unipc.withSteps(CONTROL_STEPS), "unipc@score=0.05")),
                CatalogueEntry.of(unipc3, Control.positive("lms", "another sampler known to have this order", unipc3.withSteps(CONTROL_STEPS)
                        .withIntegrators(List.of("lms"))), mutant(unipc3.withSteps(CONTROL_STEPS), "unipc:order=3@score=0.05")),
                CatalogueEntry.of(deis, Control.positive("unipc", "another sampler known to have this order", deis.withSteps(CONTROL_STEPS)
                        .withIntegrators(List.of("unipc"))), mutant(deis.withSteps(CONTROL_STEPS), "deis:order=3@score=0.05")));
    }

    private static Control mutant(OrderClaim quick, String spec) {
        return Control.mutant(spec, "the model term's coefficient 5% too large", quick.withIntegrators(List.of(spec)));
    }
}
