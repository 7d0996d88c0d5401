package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.difflab.dsl.langevin.LangevinIntegrators;
import org.difflab.theory.convergence.OrderFit;
import org.difflab.theory.langevin.BiasOrder;
import org.difflab.theory.langevin.StationaryVariance;
import org.difflab.theory.langevin.StepMapMoments;

/**
 * The order in h of a Langevin sampler's stationary-variance bias |V - 1| on the 1-D standard Gaussian (LMC ~h,
 * coupled randomized midpoint ~h^3, PLMC with large K ~h^2): probed at each step size
 * ({@link StationaryVariance#biasOrder}) and judged like a convergence order ({@link Judgement#ofOrder}: the 95% interval
 * contains the order, or the order and the last local slope are within the tolerance).
 *
 * @param id           short stable id
 * @param family       the report section
 * @param provenance   the paper, the place in it and the kind of claim
 * @param statement    what the theory states
 * @param cases        the samplers with their step sizes and expected orders
 * @param realisations auxiliary realisations per probe
 * @param note         what a reader should know (may be empty)
 */
public record BiasOrderClaim(String id, String family, Provenance provenance, String statement, List<Case> cases, int realisations, String note)
        implements LangevinProbeClaim {

    /**
     * One sampler over a range of step sizes.
     *
     * @param integrator a Langevin integrator spec
     * @param stepSizes  at least 3 step sizes, increasing
     * @param friction   gamma (underdamped samplers)
     * @param lattice    lattice size of the auxiliary draws (see {@link StationaryVariance#probe})
     * @param expected   the expected order
     * @param tolerance  allowed |order - expected|
     */
    public record Case(String integrator, double[] stepSizes, double friction, int lattice, double expected, double tolerance)
            implements ProbedCase {
        public Case {
            LangevinIntegrators.parse(integrator);
            if (stepSizes == null || stepSizes.length < 3 || !(tolerance > 0)) {
                throw new IllegalArgumentException("stepSizes = " + Arrays.toString(stepSizes) + ", tolerance = " + tolerance
                        + " are not allowed for " + integrator + ": at least 3 step sizes and a tolerance > 0");
            }
            for (int i = 1; i < stepSizes.length; i++) {
                if (!(stepSizes[i] > stepSizes[i - 1])) {
                    throw new IllegalArgumentException("stepSizes = " + Arrays.toString(stepSizes) + " is not allowed for "
                            + integrator + ": must increase");
                }
            }
            stepSizes = stepSizes.clone();
        }

        @Override
        public double[] stepSizes() {
            return stepSizes.clone();
        }
    }

    public BiasOrderClaim {
        cases = LangevinProbeClaim.requireCases(id, provenance, cases, realisations);
        note = Claim.orEmpty(note);
    }

    @Override
    public String rule() {
        return OrderClaim.rule("log |V - 1| against log h fitted with the next-order term made explicit");
    }

    /** This claim on other cases (e.g. a mutant judged against the correct order), with fewer realisations. */
    public BiasOrderClaim withCases(List<Case> newCases, int fewerRealisations) {
        return new BiasOrderClaim(id, family, provenance, statement, newCases, fewerRealisations, note);
    }

    @Override
    public String expectation() {
        return "the fitted order of log |V - 1| against log h: its 95% CI contains the expected order, or the order and the last local slope "
                + "are within the case's tolerance";
    }

    @Override
    public String setup() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "target N(0, 1); the stationary variance probed at each h (%d auxiliary "
                + "realisations); fit log |V - 1| = a + p log h + c h (plain slope beside it); step sizes:", realisations));
        cases.forEach(c -> b.append(' ').append(c.integrator()).append(' ').append(Arrays.toString(c.stepSizes())).append(';'));
        return b.substring(0, b.length() - 1);
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        List<Check> checks = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        Chart.Builder chart = Chart.of(id + ": bias of the stationary variance against h", "step size h", "|V - 1|", true, true);
        long seed = 11;
        for (Case c : cases) {
            BiasOrder b = StationaryVariance.biasOrder(LangevinIntegrators.parse(c.integrator()), c.stepSizes(), c.friction(), realisations,
                    c.lattice(), seed);
            seed += 100;
            OrderFit f = b.fit();
            checks.add(new Check(c.integrator(), "order of |V - 1| in h", f.order(), f.lower(), f.upper(), OrderChart.number(c.expected()),
                    Judgement.ofOrder(c.expected(), c.tolerance(), f.order(), f.lower(), f.upper(), towardsSmallH(f.localSlopes()))));
            Table.Builder t = Table.of(c.integrator() + ": |V - 1| against h", "h", "V", "s.e.", "|V - 1|", "local slope");
            double[] h = c.stepSizes();
            double[] bias = new double[h.length];
            double[] slopes = f.localSlopes();
            for (int i = 0; i < h.length; i++) {
                StepMapMoments p = b.points().get(i);
                bias[i] = p.bias();
                t.row(h[i], String.format(Locale.ROOT, "%.8f", p.variance().value()), p.exact() ? "exact"
                        : String.format(Locale.ROOT, "%.1e", p.variance().standardError()), String.format(Locale.ROOT, "%.4e", bias[i]),
                        i == 0 ? "" : String.format(Locale.ROOT, "%.3f", slopes[i - 1]));
            }
            tables.add(t.build());
            lines(chart, c, h, bias, f);
        }
        return new ClaimResult(this, checks, tables, chart.build(), (System.nanoTime() - start) * 1e-9);
    }

    /** The local slopes (in increasing h) reversed, so that the last is the one at the smallest step sizes, which the judgement reads. */
    private static double[] towardsSmallH(double[] slopes) {
        double[] r = new double[slopes.length];
        for (int i = 0; i < slopes.length; i++) {
            r[i] = slopes[slopes.length - 1 - i];
        }
        return r;
    }

    /**
     * Measured points, the plain least-squares line (the judged order also carries a next-order term, so its slope
     * would not follow the points) and the theory slope through the smallest h.
     */
    private static void lines(Chart.Builder chart, Case c, double[] h, double[] bias, OrderFit f) {
        int n = h.length;
        double intercept = 0;
        for (int i = 0; i < n; i++) {
            intercept += (Math.log(bias[i]) - f.plainOrder() * Math.log(h[i])) / n;
        }
        double[] fit = new double[n];
        double[] theory = new double[n];
        for (int i = 0; i < n; i++) {
            fit[i] = Math.exp(intercept + f.plainOrder() * Math.log(h[i]));
            theory[i] = bias[0] * Math.pow(h[i] / h[0], c.expected());
        }
        chart.theory(c.integrator() + ": slope " + OrderChart.number(c.expected()), h, theory);
        chart.fit(c.integrator() + String.format(Locale.ROOT, ": plain least-squares slope %.3f", f.plainOrder()), h, fit);
        chart.measured(c.integrator(), h, bias);
    }
}
