package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.hierarchy.SyntheticHierarchy;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.MultilevelEulerMaruyama;
import org.difflab.dsl.integrator.MultilevelPoissonJumps;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.theory.multilevel.MultilevelStudy;

/**
 * The eta -&gt; 0 plateau (research note mlem_parallel.md, sections A.2-A.3 and A.7 test (iii)): with p_k = min(1, eta
 * lambda_k) at fixed rates, ML-EM's expected cost tends to T sum_k lambda_k C_k and its randomization error to a
 * constant, while Euler-Maruyama's cost grows like 1/eta; the Poisson-jump simulation of the limit
 * ({@link MultilevelPoissonJumps}) is the plateau itself. On the reverse SDE, ML-EM (gates per sample) is coupled to
 * EM with the top level at the same step through one Brownian path ({@link MultilevelStudy#coupledDistance}), so the
 * distance is the randomization error alone; the Poisson-jump run is coupled to EM at the finest step. Checks: the
 * slopes of log cost and log distance against log steps over the finest {@value #FINEST} step counts are 0 within the
 * tolerance; the Poisson-jump cost and distance agree with the stepped ones at the finest step within 4 standard
 * errors plus the tolerance (relative).
 *
 * @param id        short stable id
 * @param levels    K of the synthetic hierarchy (gamma 2.5)
 * @param rate      Lambda
 * @param steps     step counts, increasing
 * @param samples   rows per run
 * @param tolerance allowed |slope| and relative disagreement
 * @param mutation  a defect the stepped ML-EM runs get ({@code gates=2}, as after '@' in a spec; empty: none), for negative
 *                  controls; the Poisson-jump limit stays intact
 */
public record MultilevelPlateauClaim(String id, int levels, double rate, int[] steps, int samples, double tolerance, String mutation)
        implements ClaimFamilies.Multilevel {
    private static final int FINEST = 3;

    public MultilevelPlateauClaim {
        Claim.requireId(id);
        if (steps == null || steps.length < FINEST + 1 || levels < 2 || !(rate > 0) || samples < 2 || !(tolerance > 0)) {
            throw new IllegalArgumentException("levels = " + levels + ", rate = " + rate + ", steps = " + java.util.Arrays.toString(steps)
                    + ", samples = " + samples + ", tolerance = " + tolerance + " are not allowed for claim " + id + ": levels >= 2, rate > 0, at least "
                    + (FINEST + 1) + " step counts, samples >= 2, tolerance > 0");
        }
        steps = steps.clone();
        mutation = Claim.orEmpty(mutation);
    }

    /** The claim without a mutation. */
    public MultilevelPlateauClaim(String id, int levels, double rate, int[] steps, int samples, double tolerance) {
        this(id, levels, rate, steps, samples, tolerance, "");
    }

    @Override
    public int[] steps() {
        return steps.clone();
    }

    @Override
    public Provenance provenance() {
        return Provenance.paper(ClaimFamilies.MULTILEVEL_PAPER, "the cost of ML-EM does not depend on the step "
                + "size in the HTMC regime, and its eta -> 0 limit is a Poisson jump process (as Paing and Jacot 2026 restate it)")
                .differs("a synthetic gamma = 2.5 hierarchy over a Gaussian's exact score; the exact grid-free Poisson-jump simulation is "
                        + "DiffLab's own construction")
                .basis("research note mlem_parallel.md A.7 (iii); review mlem_piadm_fulltext.md 8.1 item 6");
    }

    @Override
    public String rule() {
        return OrderClaim.rule("log cost (and log distance) against log steps over the finest step counts (OLS)")
                + "; the Poisson-jump limit HOLDS when its distance is within 4 standard errors plus the tolerance (relative) of the "
                + "finest stepped run's, and its cost within the tolerance";
    }

    /** This claim on other step counts with the stepped ML-EM broken ({@code gates=2} etc.), for a negative control. */
    public MultilevelPlateauClaim mutated(String defect, int[] newSteps) {
        return new MultilevelPlateauClaim(id, levels, rate, newSteps, samples, tolerance, defect);
    }

    @Override
    public String statement() {
        return "As eta -> 0 at fixed rates, ML-EM's cost and randomization error plateau while EM's cost grows like 1/eta; the plateau is the "
                + "Poisson-jump process";
    }

    @Override
    public String expectation() {
        return String.format(Locale.ROOT, "slopes of log cost and log distance on log steps over the finest %d step counts: 0 within %.2f; "
                + "Poisson-jump cost and distance within 4 s.e. + %.0f%% of the finest stepped run", FINEST, tolerance, 100 * tolerance);
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "target %s, schedule vp, SyntheticHierarchy.linear(exact, %d, 2.5, seed 1) with pilot deltas; "
                + "mlem:rate=%s,share=sample (Euler form) against mlem:rate=inf (EM with level K) at the same steps %s, one Brownian path; "
                + "mlemPoisson:rate=%s,share=sample (built here in code on the hierarchy, not a command-line sampler) against EM at %d steps; %d samples%s", MultilevelCostClaim.TARGET.spec(), levels, rate,
                java.util.Arrays.toString(steps), rate, steps[steps.length - 1], samples, mutation.isEmpty() ? ""
                        : "; the stepped ML-EM broken: @" + mutation);
    }

    @Override
    public String note() {
        return "The distance to EM at the same step isolates the randomization error: the note's table (A.7) shows 2.6e-4 to 5.6e-4 in MSE "
                + "as eta falls from 1/64 to 1/1024, growing slightly as the deterministic prefix of clamped levels shrinks.";
    }

    @Override
    public List<String> integrators() {
        return List.of("mlem:share=sample", "mlem:rate=inf", "mlemPoisson:share=sample");
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        MultilevelStudy study = new MultilevelStudy(MultilevelCostClaim.TARGET, Schedules.vp(), samples, 1);
        ModelHierarchy h = study.withPilotDifferences(SyntheticHierarchy.linear(MultilevelCostClaim.TARGET.exactScore(), levels, 2.5, 1), 64, 256, null);
        MultilevelEulerMaruyama intact = new MultilevelEulerMaruyama(rate, 1, MultilevelEulerMaruyama.Form.EULER,
                MultilevelEulerMaruyama.Share.SAMPLE);
        var mlem = mutation.isEmpty() ? intact : org.difflab.dsl.integrator.Mutant.parse(intact, mutation);
        var em = Integrators.parse("mlem:rate=inf");
        Table.Builder t = Table.of("ML-EM against EM with the top level at the same step (one Brownian path), and the Poisson-jump limit",
                "run", "steps", "RMS distance", "s.e.", "cost per sample", "EM cost per sample", "calls per level per sample");
        List<MultilevelStudy.Point> points = new ArrayList<>();
        for (int n : steps) {
            MultilevelStudy.Point p = study.coupledDistance(mlem, n, em, n, h);
            points.add(p);
            t.row("mlem", n, MultilevelCostClaim.sci(p.error()), MultilevelCostClaim.sci(p.errorSe()), MultilevelCostClaim.sci(p.cost()), MultilevelCostClaim.sci(n * h.cost(levels)), calls(p.calls()));
        }
        int finest = steps[steps.length - 1];
        MultilevelStudy.Point jump = study.coupledDistance(new MultilevelPoissonJumps(rate, 1, MultilevelEulerMaruyama.Share.SAMPLE), 1, em, finest, h);
        t.row("mlemPoisson", "grid-free", MultilevelCostClaim.sci(jump.error()), MultilevelCostClaim.sci(jump.errorSe()), MultilevelCostClaim.sci(jump.cost()), "", calls(jump.calls()));
        List<Check> checks = new ArrayList<>();
        checks.add(slope("mlem cost", points, MultilevelStudy.Point::cost));
        checks.add(slope("mlem distance to EM", points, MultilevelStudy.Point::error));
        MultilevelStudy.Point last = points.get(points.size() - 1);
        double errorGap = Math.abs(jump.error() - last.error());
        double errorLimit = 4 * Math.hypot(jump.errorSe(), last.errorSe()) + tolerance * last.error();
        checks.add(new Check("mlemPoisson against mlem at " + finest + " steps", "RMS distance to EM", jump.error(), jump.error() - 1.96 * jump.errorSe(),
                jump.error() + 1.96 * jump.errorSe(), MultilevelCostClaim.sci(last.error()), Judgement.of(errorGap <= errorLimit, String.format(Locale.ROOT,
                "Poisson %.4e, stepped %.4e: gap %.2e, limit %.2e (4 s.e. + %.0f%%)", jump.error(), last.error(), errorGap, errorLimit, 100 * tolerance))));
        double costGap = Math.abs(jump.cost() / last.cost() - 1);
        checks.add(new Check("mlemPoisson against mlem at " + finest + " steps", "cost per sample", jump.cost(), Double.NaN, Double.NaN,
                MultilevelCostClaim.sci(last.cost()), Judgement.of(costGap <= tolerance, String.format(Locale.ROOT, "Poisson %.4e, stepped %.4e: %.1f%% apart, limit %.0f%%",
                        jump.cost(), last.cost(), 100 * costGap, 100 * tolerance))));
        double[] x = java.util.Arrays.stream(steps).asDoubleStream().toArray();
        Chart chart = Chart.of(id + ": cost and distance against steps", "steps", "cost per sample / RMS distance x 1e6", true, true)
                .measured("EM cost", x, java.util.Arrays.stream(steps).mapToDouble(n -> n * h.cost(levels)).toArray())
                .measured("mlem cost", x, points.stream().mapToDouble(MultilevelStudy.Point::cost).toArray())
                .theory("mlemPoisson cost (no grid)", new double[] {x[0], finest}, new double[] {jump.cost(), jump.cost()})
                .measured("mlem distance to EM x 1e6", x, points.stream().mapToDouble(p -> 1e6 * p.error()).toArray())
                .theory("mlemPoisson distance x 1e6", new double[] {x[0], finest}, new double[] {1e6 * jump.error(), 1e6 * jump.error()})
                .build();
        return new ClaimResult(this, checks, List.of(t.build()), chart, (System.nanoTime() - start) * 1e-9);
    }

    private Check slope(String subject, List<MultilevelStudy.Point> points, java.util.function.ToDoubleFunction<MultilevelStudy.Point> y) {
        SimpleRegression r = new SimpleRegression();
        int from = steps.length - FINEST;
        double[] local = new double[FINEST - 1];
        for (int i = from; i < steps.length; i++) {
            r.addData(Math.log(steps[i]), Math.log(y.applyAsDouble(points.get(i))));
            if (i > from) {
                local[i - from - 1] = Math.log(y.applyAsDouble(points.get(i)) / y.applyAsDouble(points.get(i - 1))) / Math.log((double) steps[i] / steps[i - 1]);
            }
        }
        double half = r.getSlopeConfidenceInterval(0.05);
        double s = r.getSlope();
        return new Check(subject, "slope on log steps (finest " + FINEST + ")", s, s - half, s + half, "0",
                Judgement.ofOrder(0, tolerance, s, s - half, s + half, local));
    }

    private static String calls(double[] calls) {
        StringBuilder b = new StringBuilder();
        for (double c : calls) {
            b.append(b.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", c));
        }
        return b.toString();
    }
}
