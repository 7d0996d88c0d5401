package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.difflab.dsl.langevin.LangevinIntegrators;
import org.difflab.theory.langevin.StationaryVariance;
import org.difflab.theory.langevin.StepMapMoments;

/**
 * A closed-form stationary variance: a Langevin sampler run on the 1-D standard Gaussian at step size h has a
 * stationary variance V(h) known in closed form ({@link org.difflab.theory.langevin.StationaryVarianceClosedForm}).
 * Each case is measured by {@link StationaryVariance#probe}: one probed step of the real sampler gives its affine
 * map exactly over the Gaussian draws, Monte Carlo over auxiliary draws (random midpoints, Bernoulli selections).
 * A case HOLDS when V is within {@code zLimit} standard errors of the closed form, or within 1e-10 when the step
 * draws no auxiliary randomness (then V is exact).
 *
 * @param id           short stable id
 * @param family       the report section
 * @param provenance   the paper, the place in it and the kind of claim
 * @param statement    what the theory states
 * @param cases        the (sampler, h) cases with their closed forms
 * @param realisations auxiliary realisations per probe
 * @param zLimit       standard errors allowed
 * @param note         what a reader should know (may be empty)
 */
public record StationaryVarianceClaim(String id, String family, Provenance provenance, String statement, List<Case> cases, int realisations,
                                      double zLimit, String note) implements LangevinProbeClaim {
    private static final double EXACT_TOLERANCE = 1e-10;

    /**
     * One sampler at one step size.
     *
     * @param integrator  a Langevin integrator spec ({@link LangevinIntegrators#parse})
     * @param stepSize    h
     * @param friction    gamma (underdamped samplers)
     * @param lattice     lattice size of the auxiliary draws (1 for none, 8 for random midpoints, K for Bernoulli(1/K))
     * @param closedForm  the closed form's name, e.g. {@code 1/(1 - h/2)}
     * @param expected    its value at h
     */
    public record Case(String integrator, double stepSize, double friction, int lattice, String closedForm, double expected)
            implements ProbedCase {
        public Case {
            LangevinIntegrators.parse(integrator);
        }
    }

    public StationaryVarianceClaim {
        cases = LangevinProbeClaim.requireCases(id, provenance, cases, realisations);
        if (!(zLimit > 0)) {
            throw new IllegalArgumentException("zLimit = " + zLimit + " is not allowed for claim " + id + ": must be > 0");
        }
        note = Claim.orEmpty(note);
    }

    @Override
    public String rule() {
        return "the stationary variance from one probed step (exact over the Gaussian draws; Monte Carlo over auxiliary draws, with a "
                + "delta-method standard error): HOLDS within the stated number of standard errors of the closed form, VIOLATED beyond; "
                + "an exact measurement (no auxiliary randomness, or a lattice covering every auxiliary outcome) must agree to 1e-10";
    }

    /** This claim on other cases (e.g. a mutant judged against the correct closed form), with fewer realisations. */
    public StationaryVarianceClaim withCases(List<Case> newCases, int fewerRealisations) {
        return new StationaryVarianceClaim(id, family, provenance, statement, newCases, fewerRealisations, zLimit, note);
    }

    @Override
    public String expectation() {
        return String.format(Locale.ROOT, "the measured stationary variance within %.0f standard errors of the closed form (within %.0e when "
                + "the measurement is exact: no auxiliary randomness, or a lattice that covers every auxiliary outcome)", zLimit, EXACT_TOLERANCE);
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "target N(0, 1) (b(x) = -x); one probed step of the real sampler per case, exact over its Gaussian "
                + "draws, %d auxiliary realisations in lattice-and-antithetic tuples; V = E[N^2]/(1 - E[c^2]) (overdamped) or the Lyapunov "
                + "solution of the 2 x 2 step (underdamped)", realisations);
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        List<Check> checks = new ArrayList<>();
        Table.Builder t = Table.of("stationary variance against the closed forms", "sampler", "h", "friction", "V measured", "s.e.",
                "closed form", "formula", "z");
        Map<String, List<double[]>> lines = new LinkedHashMap<>();
        long seed = 1;
        for (Case c : cases) {
            StepMapMoments m = StationaryVariance.probe(LangevinIntegrators.parse(c.integrator()), c.stepSize(), c.friction(), realisations,
                    c.lattice(), seed++);
            double v = m.variance().value();
            double se = m.variance().standardError();
            // exact also when the lattice covers every auxiliary outcome (one of K midpoints with lattice K): se is rounding then
            boolean exact = m.exact() || se <= EXACT_TOLERANCE;
            Judgement j = exact ? Judgement.of(Math.abs(v - c.expected()) <= EXACT_TOLERANCE, String.format(Locale.ROOT,
                    "exact %s %.10f, closed form %.10f, difference %.1e (limit %.0e)", m.exact() ? "measurement" : "average over every auxiliary "
                            + "outcome", v, c.expected(), v - c.expected(), EXACT_TOLERANCE))
                    : Judgement.ofAgreement(c.expected(), v, se, zLimit);
            String subject = String.format(Locale.ROOT, "%s at h = %s", c.integrator(), c.stepSize());
            checks.add(new Check(subject, "stationary variance", v, exact ? Double.NaN : v - 1.96 * se, exact ? Double.NaN : v + 1.96 * se,
                    exact ? "exact" : "+-1.96 s.e. over auxiliary realisations", String.format(Locale.ROOT, "%.7f", c.expected()), j));
            t.row(c.integrator(), c.stepSize(), c.friction(), String.format(Locale.ROOT, "%.8f", v), exact ? "exact" : String.format(Locale.ROOT,
                    "%.1e", se), String.format(Locale.ROOT, "%.8f", c.expected()), c.closedForm(), exact ? "" : String.format(Locale.ROOT, "%+.2f",
                    (v - c.expected()) / se));
            lines.computeIfAbsent(c.integrator(), k -> new ArrayList<>()).add(new double[] {c.stepSize(), Math.abs(v - 1), Math.abs(c.expected() - 1)});
        }
        Chart.Builder chart = Chart.of(id + ": bias of the stationary variance", "step size h", "|V - 1|", true, true);
        lines.forEach((spec, pts) -> chart.theory(spec + ": closed form", column(pts, 0), column(pts, 2)));
        lines.forEach((spec, pts) -> chart.measured(spec + ": measured", column(pts, 0), column(pts, 1)));
        return new ClaimResult(this, checks, List.of(t.build()), chart.build(), (System.nanoTime() - start) * 1e-9);
    }

    private static double[] column(List<double[]> rows, int k) {
        return rows.stream().mapToDouble(r -> r[k]).toArray();
    }
}
