package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.theory.convergence.ConvergenceResult;
import org.difflab.theory.convergence.OrderFit;
import org.difflab.theory.convergence.StepProxy;

/**
 * A convergence-order claim: what a paper states, on which setup we measure it, the order we expect to see and how
 * close is close enough. {@link #check()} runs the exact convergence study and judges every integrator with
 * {@link Judgement#ofOrder}.
 *
 * @param id            short stable id, e.g. {@code order-heun}
 * @param family        the report section, e.g. {@code Standard samplers: orders}
 * @param provenance    the paper, the place in it and the kind of claim
 * @param statement     what the theory states
 * @param integrators   integrator specs, as in {@code Integrators.parse}, each judged on its own
 * @param experiment    the setup
 * @param expectedOrder the order we expect to measure
 * @param tolerance     how far the fitted order and the last local slope may be from it
 * @param note          what a reader should know about the measurement (may be empty)
 */
public record OrderClaim(String id, String family, Provenance provenance, String statement, List<String> integrators, Experiment experiment,
                         double expectedOrder, double tolerance, String note) implements Claim {

    public OrderClaim {
        Claim.requireId(id);
        if (integrators == null || integrators.isEmpty()) {
            throw new IllegalArgumentException("integrators = " + integrators + " is not allowed for claim " + id + ": give at least 1");
        }
        if (experiment == null || provenance == null) {
            throw new IllegalArgumentException("experiment = " + experiment + ", provenance = " + provenance + " are not allowed for claim "
                    + id + ": both must be non-null");
        }
        if (!(expectedOrder > 0) || !(tolerance > 0)) {
            throw new IllegalArgumentException("expectedOrder = " + expectedOrder + ", tolerance = " + tolerance
                    + " are not allowed for claim " + id + ": both must be > 0");
        }
        integrators = List.copyOf(integrators);
        family = Claim.orEmpty(family);
        statement = Claim.orEmpty(statement);
        note = Claim.orEmpty(note);
    }

    /** How an order claim fits its order: the slope of what against what. */
    static final String FITTED_SLOPE = "log error against log T (or log h) fitted with the next-order term made explicit";

    /**
     * The decision rule of an order claim whose order is the slope {@code slope} (e.g. {@link #FITTED_SLOPE}): the same
     * judgement ({@link Judgement#ofOrder}) serves the orders, the strong orders, the bias orders and the cost exponents.
     */
    static String rule(String slope) {
        return "the order is the slope of " + slope + "; HOLDS when its 95% CI, at most 4 tolerances wide, contains the expected order, "
                + "or when the fitted order and the last local slope are both within the tolerance; VIOLATED when the CI excludes the "
                + "expected order and the fitted order is off by more than the tolerance; INCONCLUSIVE otherwise. Exact errors carry no "
                + "noise: the interval reflects pre-asymptotic curvature.";
    }

    @Override
    public String rule() {
        return rule(FITTED_SLOPE);
    }

    @Override
    public String expectation() {
        return String.format(Locale.ROOT, "order %s +/- %.2f: slope of log(%s error) against log %s", OrderChart.number(expectedOrder),
                tolerance, experiment.metric(), experiment.proxy() == StepProxy.STEPS ? "T (negated)" : "h = ln T / T");
    }

    @Override
    public String setup() {
        return experiment.describe();
    }

    /** This claim measured on other step counts (e.g. fewer, for a quick run). */
    public OrderClaim withSteps(int... steps) {
        return new OrderClaim(id, family, provenance, statement, integrators, experiment.withSteps(steps), expectedOrder, tolerance, note);
    }

    /** This claim about other integrators (e.g. mutants, for controls). */
    public OrderClaim withIntegrators(List<String> specs) {
        return new OrderClaim(id, family, provenance, statement, specs, experiment, expectedOrder, tolerance, note);
    }

    /** This claim with another expected order (a claim mutant: the same measurement judged against a wrong order). */
    public OrderClaim expecting(double order) {
        return new OrderClaim(id, family, provenance, statement, integrators, experiment, order, tolerance, note);
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        ConvergenceResult r = experiment.study(integrators).run();
        List<Check> checks = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        for (String spec : integrators) {
            ConvergenceResult.Series s = r.of(Integrators.parse(spec).spec());
            OrderFit f = s.fit();
            Judgement j = Judgement.ofOrder(expectedOrder, tolerance, f.order(), f.lower(), f.upper(), f.localSlopes());
            checks.add(new Check(s.integrator(), "order", f.order(), f.lower(), f.upper(), "95% CI of the fitted order (exact errors)",
                    OrderChart.number(expectedOrder), j));
            tables.add(OrderChart.errorTable(s, experiment.metric()));
        }
        return new ClaimResult(this, checks, tables, OrderChart.of(id + " (expected order " + OrderChart.number(expectedOrder) + ")", r,
                s -> expectedOrder), (System.nanoTime() - start) * 1e-9);
    }
}
