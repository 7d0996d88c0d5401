package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every claim DiffLab checks, by id. A claim is one entry: the standard samplers' orders are registered here (spec
 * SAMPLERS.md, section 1); the seed papers' claims are added the same way, as entries of a list of their own
 * registered in the static block (or from outside with {@link #register}).
 *
 * <p>Stochastic samplers are measured by the W2 distance between their exact output law and the reference law: a
 * weak error (it sees the law, not the paths), so the order to expect is the weak order.
 */
public final class Catalogue {
    private static final double TOLERANCE = 0.05;
    private static final Map<String, Claim> CLAIMS = new LinkedHashMap<>();

    static {
        standard().forEach(Catalogue::register);
    }

    private Catalogue() {}

    /** The order claims of the standard samplers, all on {@link Experiment#standard()}. */
    public static List<Claim> standard() {
        Experiment e = Experiment.standard();
        return List.of(
                new Claim("order-ddim", "Song, Meng, Ermon (2021), DDIM, ICLR: eq. (14), eta = 0 is an Euler step of the "
                        + "probability-flow ODE in the variables (x / alpha, sigma / alpha)",
                        "DDIM with eta = 0 is a first-order ODE solver: global error O(h)", List.of("ddim"), e, 1, TOLERANCE, ""),
                new Claim("order-pf-euler", "Song et al. (2021), Score-based generative modeling through SDEs, ICLR: "
                        + "probability-flow ODE, eq. (13); Euler's method (Hairer, Norsett, Wanner, Solving ODEs I, II.3)",
                        "Euler's method on the probability-flow ODE has global error O(h)", List.of("probabilityFlowEuler"), e, 1,
                        TOLERANCE, ""),
                new Claim("order-heun", "Karras, Aittala, Aila, Laine (2022), EDM, NeurIPS: Algorithm 1 (Heun's 2nd-order method, "
                        + "Euler on the last step)", "Heun's method has local error O(h^3), global error O(h^2)", List.of("heun"), e, 2,
                        TOLERANCE, "2 NFE per step (1 on the last), so at equal NFE it is compared at half the steps."),
                new Claim("order-dpmpp2m", "Lu, Zhou, Bao, Chen, Li, Zhu (2022), DPM-Solver++, arXiv:2211.01095: Algorithm 2 "
                        + "(multistep second order, data prediction)", "DPM-Solver++(2M) converges with global order 2",
                        List.of("dpmSolverPP2M"), e, 2, TOLERANCE, ""),
                new Claim("order-dpmpp2m-sde", "Lu et al. (2022), DPM-Solver++, arXiv:2211.01095, SDE variant (SDE-DPM-Solver++(2M)); "
                        + "DiffLab spec SAMPLERS.md, section 1", "SDE-DPM-Solver++(2M) is second order (spec table: 2)",
                        List.of("dpmSolverPP2MSde"), e, 2, TOLERANCE,
                        "Weak error (W2 of the law). The paper gives no weak-order theorem for the SDE variant; on a Gaussian "
                                + "target the score is affine in x, so the data-prediction exponential integrator sees an exactly linear "
                                + "problem, and the measured weak order 2 need not carry over to nonlinear scores."),
                new Claim("order-ddpm", "Ho, Jain, Abbeel (2020), DDPM, NeurIPS: Algorithm 2 (ancestral sampling); as a "
                        + "discretisation of the reverse VP SDE (Song et al. 2021, appendix E)",
                        "Ancestral sampling is a first-order weak discretisation of the reverse SDE", List.of("ddpm"), e, 1, TOLERANCE,
                        "Weak error (W2 of the law); variance beta (large)."),
                new Claim("order-euler-maruyama", "Kloeden and Platen (1992), Numerical Solution of SDEs, Theorem 14.5.1 "
                        + "(weak order 1 of Euler-Maruyama)", "Euler-Maruyama on the reverse SDE has weak order 1 (additive noise)",
                        List.of("eulerMaruyama"), e, 1, TOLERANCE, "Weak error (W2 of the law)."));
    }

    /** Adds a claim; its id must be new. */
    public static synchronized void register(Claim claim) {
        if (claim == null) {
            throw new IllegalArgumentException("claim is null, which is not allowed");
        }
        if (CLAIMS.containsKey(claim.id())) {
            throw new IllegalArgumentException("claim id = '" + claim.id() + "' is not allowed: it is already registered");
        }
        CLAIMS.put(claim.id(), claim);
    }

    /** Every registered claim, in registration order. */
    public static synchronized List<Claim> all() {
        return Collections.unmodifiableList(new ArrayList<>(CLAIMS.values()));
    }

    /** The ids of every registered claim. */
    public static synchronized List<String> ids() {
        return List.copyOf(CLAIMS.keySet());
    }

    /** The claim with this id. */
    public static synchronized Claim byId(String id) {
        Claim c = CLAIMS.get(id);
        if (c == null) {
            throw new IllegalArgumentException("claim = '" + id + "' is not allowed: one of " + String.join(", ", CLAIMS.keySet()));
        }
        return c;
    }
}
