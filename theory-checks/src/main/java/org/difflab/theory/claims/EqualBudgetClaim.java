package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.exact.ExactEvaluator;
import org.difflab.theory.exact.ExactLaw;
import org.difflab.theory.exact.Init;
import org.difflab.theory.exact.SelectionMoments;
import org.difflab.theory.metric.DiagonalGaussian;
import org.difflab.theory.metric.KlDivergence;

/**
 * A claim about samplers at a small budget of model evaluations against a long reference run (e.g. DDPM with 1000
 * steps): some contenders must land close to the reference, others are expected far off. Measured by exact
 * evaluation on a 1-D Gaussian target from the sampler's own prior; the judged number is the output variance relative
 * to the reference's (the quantity the Poisson-midpoint note tabulates), with KL to the reference and to the data
 * beside it. A sampler whose auxiliary randomness is Bernoulli selections entering each step affinely (it declares a
 * {@code SelectionLaw}, e.g. the Poisson midpoint method) is averaged over its selections exactly
 * ({@link SelectionMoments}): the ratio is then exact. Other samplers with auxiliary randomness give a mixture over
 * {@code repetitions} realisations, whose variance is exact per realisation, so its standard error is over
 * realisations only. Each ratio is judged with its 95% interval by the band rule ({@link Band}).
 *
 * @param id          short stable id
 * @param family      the report section
 * @param provenance  the paper, the place in it and the kind of claim
 * @param statement   what the theory states
 * @param target      a 1-D Gaussian target spec, e.g. {@code gaussian:d=1,mean=0,var=0.01}
 * @param schedule    schedule spec (a discrete training schedule, e.g. {@code linear:T=1000})
 * @param reference   the reference run
 * @param contenders  the runs judged against it
 * @param closeWithin largest |variance ratio - 1| that counts as close
 * @param farBeyond   smallest |variance ratio - 1| that counts as far off
 * @param repetitions auxiliary realisations per evaluation
 * @param note        what a reader should know (may be empty)
 */
public record EqualBudgetClaim(String id, String family, Provenance provenance, String statement, String target, String schedule, BudgetRun reference,
                               List<BudgetRun> contenders, double closeWithin, double farBeyond, int repetitions, String note) implements Claim {

    public EqualBudgetClaim {
        Claim.requireId(id);
        if (contenders == null || contenders.isEmpty() || reference == null || provenance == null) {
            throw new IllegalArgumentException("reference = " + reference + ", contenders = " + contenders + ", provenance = " + provenance
                    + " are not allowed for claim " + id + ": give a provenance, a reference and at least 1 contender");
        }
        if (!(closeWithin > 0) || !(farBeyond >= closeWithin)) {
            throw new IllegalArgumentException("closeWithin = " + closeWithin + ", farBeyond = " + farBeyond + " are not allowed for claim "
                    + id + ": need 0 < closeWithin <= farBeyond");
        }
        if (repetitions < 1) {
            throw new IllegalArgumentException("repetitions = " + repetitions + " is not allowed for claim " + id + ": must be >= 1");
        }
        contenders = List.copyOf(contenders);
        note = note == null ? "" : note;
    }

    @Override
    public List<String> integrators() {
        return BudgetRun.integrators(reference, contenders);
    }

    @Override
    public String rule() {
        return "two-sided band on the output variance relative to the reference's, with its 95% interval (exact when the selections "
                + "are averaged exactly or there are none; +-1.96 standard errors over auxiliary realisations otherwise): a CLOSE "
                + "contender HOLDS only when the whole interval lies inside the band and is VIOLATED only when it lies wholly outside; a FAR "
                + "contender the reverse; an interval that straddles the band's edge is INCONCLUSIVE";
    }

    @Override
    public String expectation() {
        return String.format(Locale.ROOT, "output variance / reference variance within %.0f%% of 1 for CLOSE contenders, off by more than "
                + "%.0f%% for FAR ones", 100 * closeWithin, 100 * farBeyond);
    }

    /** This claim with other contenders (e.g. a mutant, for a control) and auxiliary realisations. */
    public EqualBudgetClaim withContenders(List<BudgetRun> runs, int newRepetitions) {
        return new EqualBudgetClaim(id, family, provenance, statement, target, schedule, reference, runs, closeWithin, farBeyond, newRepetitions,
                note);
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "target %s, schedule %s, reference %s, init prior, exact evaluation (Bernoulli selections "
                + "averaged exactly; %d auxiliary realisations for other random samplers)", target, schedule, reference.label(), repetitions);
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        if (!(Targets.parse(target) instanceof Gaussian data) || data.dim() != 1) {
            throw new IllegalArgumentException("target = '" + target + "' is not allowed for claim " + id + ": a 1-D Gaussian");
        }
        Measured ref = measure(data, reference);
        Table.Builder t = Table.of("output laws against the reference " + reference.label(), "sampler", "grid", "NFE (one realisation)",
                "variance / data variance", "variance / reference", "s.e.", "KL to reference", "KL to data");
        t.row(reference.integrator(), reference.grid() + "(" + reference.steps() + ")", ref.nfe, f4(ref.law.variance(0) / data.covariance()[0][0]),
                "1", "", sci(0), sci(ref.klToData));
        List<Check> checks = new ArrayList<>();
        Chart.Builder chart = Chart.of(id + ": output variance relative to " + reference.label(), "model evaluations (NFE)",
                "variance / reference variance", false, false);
        List<double[]> points = new ArrayList<>();
        for (BudgetRun c : contenders) {
            Measured m = measure(data, c);
            double ratio = m.law.variance(0) / ref.law.variance(0);
            double se = m.varianceSe / ref.law.variance(0);
            double kl = KlDivergence.divergence(m.law, ref.law);
            t.row(c.integrator(), c.grid() + "(" + c.steps() + ")", m.nfe, f4(m.law.variance(0) / data.covariance()[0][0]), f4(ratio), f4(se), sci(kl),
                    sci(m.klToData));
            double lo = ratio - 1.96 * se;
            double hi = ratio + 1.96 * se;
            String what = String.format(Locale.ROOT, "variance ratio (NFE %d, KL to reference %.2e)", m.nfe, kl);
            Judgement j = c.expect() == BudgetRun.Expect.CLOSE ? Band.inside(1, closeWithin, ratio, lo, hi, what)
                    : Band.outside(1, farBeyond, ratio, lo, hi, what);
            checks.add(new Check(c.label(), "variance / reference", ratio, se == 0 ? Double.NaN : lo, se == 0 ? Double.NaN : hi, m.uncertainty,
                    c.expect() == BudgetRun.Expect.CLOSE ? String.format(Locale.ROOT, "1 +- %.2f", closeWithin)
                            : String.format(Locale.ROOT, "off by > %.2f", farBeyond), j));
            points.add(new double[] {m.nfe, ratio, 1.96 * se});
        }
        double[] nfe = points.stream().mapToDouble(p -> p[0]).toArray();
        chart.theory("reference " + reference.label(), new double[] {min(nfe), max(nfe)}, new double[] {1, 1});
        for (String name : contenders.stream().map(c -> c.integrator() + " on " + c.grid()).distinct().toList()) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < contenders.size(); i++) {
                if ((contenders.get(i).integrator() + " on " + contenders.get(i).grid()).equals(name)) {
                    idx.add(i);
                }
            }
            chart.line(name, idx.stream().mapToDouble(i -> points.get(i)[0]).toArray(), idx.stream().mapToDouble(i -> points.get(i)[1]).toArray(),
                    idx.stream().mapToDouble(i -> points.get(i)[2]).toArray(), Chart.Style.MEASURED);
        }
        return new ClaimResult(this, checks, List.of(t.build()), chart.build(), (System.nanoTime() - start) * 1e-9);
    }

    private record Measured(DiagonalGaussian law, double varianceSe, double klToData, long nfe, String uncertainty) {}

    private Measured measure(Gaussian data, BudgetRun run) {
        TimeGrid grid = run.on(Schedules.parse(schedule));
        Integrator integrator = Integrators.parse(run.integrator());
        ExactLaw law = ExactEvaluator.of(integrator).target(data).grid(grid).init(Init.PRIOR)
                .repetitions(integrator.selectionLaw().isPresent() ? 1 : repetitions).evaluate();
        if (integrator.selectionLaw().isPresent()) {
            DiagonalGaussian exact = SelectionMoments.of(integrator, data, grid, Init.PRIOR);
            return new Measured(exact, 0, KlDivergence.divergence(exact, law.reference()), law.nfe(), "exact (selections averaged exactly)");
        }
        List<DiagonalGaussian> comps = law.components();
        DiagonalGaussian mm = law.momentMatched();
        double[] second = new double[comps.size()];
        for (int r = 0; r < comps.size(); r++) {
            double dm = comps.get(r).mean(0) - mm.mean(0);
            second[r] = comps.get(r).variance(0) + dm * dm;
        }
        double spread = sd(second);
        // identical components (no auxiliary randomness): the law is exact, whatever the repetitions
        boolean exact = comps.size() == 1 || spread <= 1e-12 * Math.abs(mm.variance(0));
        double se = exact ? 0 : spread / Math.sqrt(comps.size());
        return new Measured(mm, se, KlDivergence.divergence(mm, law.reference()), law.nfe(), exact ? "exact"
                : "+-1.96 s.e. over " + comps.size() + " auxiliary realisations");
    }

    private static double sd(double[] x) {
        double m = 0;
        for (double v : x) {
            m += v / x.length;
        }
        double s = 0;
        for (double v : x) {
            s += (v - m) * (v - m) / (x.length - 1);
        }
        return Math.sqrt(s);
    }

    private static double min(double[] x) {
        return java.util.Arrays.stream(x).min().orElseThrow();
    }

    private static double max(double[] x) {
        return java.util.Arrays.stream(x).max().orElseThrow();
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
