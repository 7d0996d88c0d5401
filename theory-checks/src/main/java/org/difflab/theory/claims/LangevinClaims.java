package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.difflab.theory.langevin.StationaryVarianceClosedForm;

/**
 * The Langevin claims of SAMPLERS.md section 4, claim (1): on the 1-D standard Gaussian the stationary variances of
 * LMC, the randomized midpoint (Shen and Lee 2019; coupled and independent noise) and PLMC(eta, K) (Kandasamy and
 * Nagaraj 2024) equal the closed forms of research note poisson_midpoint.md section 9.1, and their biases |V - 1| are
 * of order 1, 3 and 2 (large K) in h. The underdamped forms are checked the same way against DiffLab's own closed
 * forms ({@link StationaryVarianceClosedForm}).
 */
final class LangevinClaims {
    static final String FAMILY = "Langevin samplers: stationary variance on N(0, 1)";
    private static final String NOTE_9_1 = "poisson_midpoint.md section 9.1 (the note's own derivation, checked there by Monte Carlo)";
    private static final String SOURCES = "Shen and Lee (2019), The randomized midpoint method for log-concave sampling, NeurIPS; Kandasamy and "
            + "Nagaraj (2024), The Poisson midpoint method for Langevin dynamics, NeurIPS, arXiv 2405.17068";
    private static final double[] ETAS = {0.05, 0.1, 0.2, 0.4};
    private static final double[] UNDERDAMPED_ETAS = {0.1, 0.2, 0.4, 0.8};
    private static final double FRICTION = 2;
    private static final String PLACE = "the stationary variances of the overdamped samplers on N(0, 1), derived in research note "
            + "poisson_midpoint.md 9.1 from the samplers' update rules (Shen and Lee 2019, the randomized midpoint; Kandasamy and Nagaraj "
            + "2024, PLMC)";
    private static final String UNDERDAMPED_PLACE = "the stationary position variances of the underdamped samplers on N(0, 1), the "
            + "Lyapunov solutions of their step maps derived by DiffLab (StationaryVarianceClosedForm); the underdamped randomized "
            + "midpoint's form is [R]";
    private static final String SETTING = "a 1-D standard Gaussian, where the closed forms exist; the papers' theorems are bounds in KL or "
            + "W2 on log-concave targets";

    private LangevinClaims() {}

    /** The claims, in report order. */
    static List<CatalogueEntry> all() {
        List<StationaryVarianceClaim.Case> overdamped = new ArrayList<>();
        cases(overdamped, "lmc", ETAS, 1, "1/(1 - h/2)", StationaryVarianceClosedForm::lmc);
        cases(overdamped, "randomizedMidpoint", ETAS, 8, "(2 - 2h + h^2)/(2 - 2h + h^2 - h^3/3)", StationaryVarianceClosedForm::rlmcCoupled);
        cases(overdamped, "randomizedMidpoint:noise=independent", ETAS, 8, "(2 + h^2)/(2 - 2h + h^2 - h^3/3)",
                StationaryVarianceClosedForm::rlmcIndependent);
        for (int k : new int[] {2, 4, 10, 100}) {
            cases(overdamped, "plmc:K=" + k, ETAS, k, "E[N^2]/(1 - E[c^2]), Bernoulli(1/K)", h -> StationaryVarianceClosedForm.plmc(h, k));
        }
        for (String spec : new String[] {"plmc:K=4,select=one", "plmc:K=4,select=one,noise=sparse"}) {
            cases(overdamped, spec, ETAS, 4, "E[N^2]/(1 - E[c^2]), one uniform midpoint", h -> StationaryVarianceClosedForm.plmcOne(h, 4));
        }
        List<StationaryVarianceClaim.Case> underdamped = new ArrayList<>();
        cases(underdamped, "ulmc", UNDERDAMPED_ETAS, 1, "Lyapunov solution of the exact OU step", h -> StationaryVarianceClosedForm.ulmc(h, FRICTION));
        cases(underdamped, "randomizedMidpoint:form=underdamped", UNDERDAMPED_ETAS, 8, "Lyapunov solution, alpha by 40-point Gauss-Legendre",
                h -> StationaryVarianceClosedForm.rlmcUnderdamped(h, FRICTION, true));
        cases(underdamped, "randomizedMidpoint:form=underdamped,noise=independent", UNDERDAMPED_ETAS, 8,
                "Lyapunov solution, alpha by 40-point Gauss-Legendre", h -> StationaryVarianceClosedForm.rlmcUnderdamped(h, FRICTION, false));
        double[] slopeEtas = {0.025, 0.05, 0.1, 0.2, 0.4};
        StationaryVarianceClaim variance = new StationaryVarianceClaim("langevin-stationary-variance", FAMILY,
                Provenance.consistency(SOURCES, PLACE).differs(SETTING).basis(NOTE_9_1),
                "On N(0, 1) each overdamped sampler's stationary variance is the closed form of section 9.1: LMC 1/(1 - h/2), "
                        + "the coupled randomized midpoint 1 + h^3/6 + O(h^4), with independent noise 1 + h + O(h^2), PLMC(eta, K) "
                        + "between LMC(eta) and LMC(eta/K)", overdamped, 20_000, 4,
                "LMC draws no auxiliary randomness, so its probe is exact; the others are exact over the Gaussian draws and "
                        + "Monte Carlo over midpoints and selections.");
        StationaryVarianceClaim underdampedVariance = new StationaryVarianceClaim("langevin-underdamped-stationary-variance", FAMILY,
                Provenance.consistency(SOURCES, UNDERDAMPED_PLACE).differs(SETTING),
                "On N(0, 1) with friction 2 the underdamped samplers' stationary position variances are the Lyapunov solutions "
                        + "of their step maps", underdamped, 20_000, 4, "");
        BiasOrderClaim bias = new BiasOrderClaim("langevin-bias-order", FAMILY, Provenance.consistency(SOURCES, "the orders in h of the "
                + "stationary-variance bias that the closed forms of section 9.1 imply").differs(SETTING).basis(NOTE_9_1),
                "|V - 1| is of order 1 in h for LMC, 3 for the coupled randomized midpoint, 1 again when its midpoint and step "
                        + "noise are independent (the classic bug), 2 for PLMC with large K",
                List.of(new BiasOrderClaim.Case("lmc", slopeEtas, FRICTION, 1, 1, 0.05),
                        new BiasOrderClaim.Case("randomizedMidpoint", slopeEtas, FRICTION, 8, 3, 0.1),
                        new BiasOrderClaim.Case("randomizedMidpoint:noise=independent", slopeEtas, FRICTION, 8, 1, 0.1),
                        new BiasOrderClaim.Case("plmc:K=100", ETAS, FRICTION, 100, 2, 0.25)), 6000,
                "PLMC(eta, 100)'s bias is a sum of an eta^2 term and an eta/K one; over eta = 0.05..0.4 the local slopes rise "
                        + "towards the h^2 regime, so the interval is wide; tolerance 0.25 fixed before measuring.");
        BiasOrderClaim underdampedBias = new BiasOrderClaim("langevin-underdamped-bias-order", FAMILY, Provenance.consistency(SOURCES,
                "the orders in h of the underdamped samplers' stationary bias that DiffLab's closed forms imply").differs(SETTING),
                "With friction 2, |V - 1| is of order 1 for ULMC, 3 for the coupled underdamped randomized midpoint and 2 with "
                        + "independent noise",
                List.of(new BiasOrderClaim.Case("ulmc", ETAS, FRICTION, 1, 1, 0.1),
                        new BiasOrderClaim.Case("randomizedMidpoint:form=underdamped", UNDERDAMPED_ETAS, FRICTION, 8, 3, 0.2),
                        new BiasOrderClaim.Case("randomizedMidpoint:form=underdamped,noise=independent", UNDERDAMPED_ETAS, FRICTION, 8,
                                2, 0.2)), 6000, "");
        String independent = "the midpoint's noise drawn independently of the step's (the classic bug)";
        return List.of(
                CatalogueEntry.of(variance,
                        Control.positive("lmc at h = 0.1", "LMC, whose probe is exact", variance.withCases(List.of(new StationaryVarianceClaim.Case(
                                "lmc", 0.1, FRICTION, 1, "1/(1 - h/2)", StationaryVarianceClosedForm.lmc(0.1))), 20_000)),
                        Control.mutant("randomizedMidpoint:noise=independent", independent + ", judged against the coupled closed form",
                                variance.withCases(List.of(new StationaryVarianceClaim.Case("randomizedMidpoint:noise=independent", 0.1, FRICTION, 8,
                                        "(2 - 2h + h^2)/(2 - 2h + h^2 - h^3/3)", StationaryVarianceClosedForm.rlmcCoupled(0.1))), 20_000))),
                CatalogueEntry.of(underdampedVariance, Control.mutant("randomizedMidpoint:form=underdamped,noise=independent", independent
                        + ", judged against the coupled closed form", underdampedVariance.withCases(List.of(new StationaryVarianceClaim.Case(
                                "randomizedMidpoint:form=underdamped,noise=independent", 0.4, FRICTION, 8, "Lyapunov solution (coupled)",
                                StationaryVarianceClosedForm.rlmcUnderdamped(0.4, FRICTION, true))), 20_000))),
                CatalogueEntry.of(bias, Control.mutant("randomizedMidpoint:noise=independent", independent + ", judged against the coupled "
                        + "order 3", bias.withCases(List.of(new BiasOrderClaim.Case("randomizedMidpoint:noise=independent", slopeEtas, FRICTION, 8,
                                3, 0.1)), 6000))),
                CatalogueEntry.of(underdampedBias, Control.mutant("randomizedMidpoint:form=underdamped,noise=independent", independent
                        + ", judged against the coupled order 3", underdampedBias.withCases(List.of(new BiasOrderClaim.Case(
                                "randomizedMidpoint:form=underdamped,noise=independent", UNDERDAMPED_ETAS, FRICTION, 8, 3, 0.2)), 6000))));
    }

    private static void cases(List<StationaryVarianceClaim.Case> out, String spec, double[] etas, int lattice, String formula,
            DoubleUnaryOperator closedForm) {
        for (double h : etas) {
            out.add(new StationaryVarianceClaim.Case(spec, h, FRICTION, lattice, formula, closedForm.applyAsDouble(h)));
        }
    }
}
