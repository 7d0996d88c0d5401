package org.difflab.theory.claims;

import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.hierarchy.SyntheticHierarchy;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.Mutant;
import org.difflab.dsl.integrator.MultilevelEulerMaruyama;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.theory.multilevel.MultilevelStudy;

/**
 * Cost to reach error eps: eps^-gamma for ML-EM against eps^-(gamma+1) for Euler-Maruyama with the top level (Jacot
 * 2026, arXiv 2603.24594, abstract; research note mlem_parallel.md, sections A.3 and A.7 (iv)). For each accuracy
 * eps = 2^-K the synthetic hierarchy has K levels (top-level error ~ 2^-K), both samplers take n0 2^K probability-flow
 * steps (eta ~ eps), and ML-EM's rate constant follows the note's optimum Lambda = c 4^K sum_j delta_j sqrt(C_j)
 * (pilot deltas measured on Euler-Maruyama trajectories). The error is the strong RMS distance to the exact flow from
 * the same prior draws ({@link MultilevelStudy#flowError}); ML-EM's gates are per sample. The exponents are the slopes
 * of log cost against log error, judged as orders ({@link Judgement#ofOrder}); the speedup at equal error is EM's
 * fitted cost at ML-EM's error over ML-EM's cost.
 *
 * @param id         short stable id
 * @param gamma      the hierarchy's HTMC exponent (&gt; 2)
 * @param fromLevels smallest K
 * @param toLevels   largest K
 * @param n0         steps per 2^K
 * @param c          rate constant c of Lambda
 * @param samples    rows per run
 * @param tolerance  allowed |exponent - theory| (and last local slope)
 * @param note       what a reader should know (may be empty)
 * @param mutation   a defect ML-EM's runs get ({@code gates=2}, as after '@' in a spec; empty: none), for negative controls
 */
public record MultilevelCostClaim(String id, double gamma, int fromLevels, int toLevels, int n0, double c, int samples, double tolerance,
                                  String note, String mutation) implements ClaimFamilies.Multilevel {
    static final Gaussian TARGET = Gaussian.diagonal(new double[] {1, -0.5, 0, 2}, new double[] {0.5, 1, 0.3, 2});

    public MultilevelCostClaim {
        Claim.requireId(id);
        if (!(gamma > 2) || fromLevels < 2 || toLevels < fromLevels + 2 || n0 < 1 || !(c > 0) || samples < 2 || !(tolerance > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "gamma = %s, levels %d..%d, n0 = %d, c = %s, samples = %d, tolerance = %s "
                    + "are not allowed for claim %s: gamma > 2, 2 <= fromLevels, toLevels >= fromLevels + 2 (3 points for a CI), n0 >= 1, "
                    + "c > 0, samples >= 2, tolerance > 0", gamma, fromLevels, toLevels, n0, c, samples, tolerance, id));
        }
        note = Claim.orEmpty(note);
        mutation = Claim.orEmpty(mutation);
    }

    /** The claim without a mutation. */
    public MultilevelCostClaim(String id, double gamma, int fromLevels, int toLevels, int n0, double c, int samples, double tolerance, String note) {
        this(id, gamma, fromLevels, toLevels, n0, c, samples, tolerance, note, "");
    }

    /** This claim on fewer accuracies, with ML-EM broken ({@code gates=2} etc.; empty: intact), for a control. */
    public MultilevelCostClaim variant(int newFrom, int newTo, String defect) {
        return new MultilevelCostClaim(id, gamma, newFrom, newTo, n0, c, samples, tolerance, note, defect);
    }

    @Override
    public Provenance provenance() {
        return Provenance.paper(ClaimFamilies.MULTILEVEL_PAPER, "abstract: in the HTMC regime gamma > 2, ML-EM "
                + "eps-approximates the solution at cost eps^-gamma, where Euler-Maruyama with the most accurate drift needs eps^-(gamma+1)")
                .differs("a synthetic hierarchy with known gamma over a Gaussian's exact score, the probability-flow ODE, DiffLab's rate rule "
                        + "Lambda = c 4^K sum_j delta_j sqrt(C_j), strong RMS error to the exact flow, which is DiffLab's metric (the paper's is not known to us); ML-EM judged with every level "
                        + "gated and with level 1 always evaluated (open=1, the paper keeps its coarse levels on); cost in units of C_k per call "
                        + "(the synthetic levels have no FLOP count of their own)")
                .basis("the estimator as restated by Paing and Jacot (2026); rates and cost model: research note mlem_parallel.md A.2-A.3, "
                        + "A.7 (iv); review mlem_piadm_fulltext.md 8.1");
    }

    @Override
    public String rule() {
        return OrderClaim.rule("log cost against log strong error (OLS, 95% CI of the slope from the scatter of the Monte Carlo errors)");
    }

    @Override
    public String statement() {
        return String.format(Locale.ROOT, "On a hierarchy with gamma = %s, ML-EM reaches error eps at cost ~ eps^-%s, EM with the top level at "
                + "cost ~ eps^-%s", gamma, gamma, gamma + 1);
    }

    @Override
    public String expectation() {
        return String.format(Locale.ROOT, "slope of log cost against log error: %.2f for ML-EM (gated and with level 1 always on) and %.2f for "
                + "EM, each within %.2f (or its 95%% CI containing it)", -gamma, -(gamma + 1), tolerance);
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "target %s, schedule vp, uniform grid ending at tMin; SyntheticHierarchy.linear(exact, K, %s, seed 1) "
                + "for K = %d..%d, base = the exact score, costs 2^{gamma k}; %d 2^K steps; mlem:rate=Lambda,lambda=0,share=sample with "
                + "Lambda = %s 4^K sum_j delta_j sqrt(C_j), against mlem:rate=inf,lambda=0 (EM with level K); %d samples; pilot deltas from "
                + "64-step EM runs of 256 rows%s", TARGET.spec(), gamma, fromLevels, toLevels, n0, c, samples,
                mutation.isEmpty() ? "" : "; ML-EM broken: @" + mutation);
    }

    @Override
    public List<String> integrators() {
        return List.of("mlem:lambda=0,share=sample", "mlem:rate=inf,lambda=0", "mlem:lambda=0,share=sample,open=1");
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        MultilevelStudy study = new MultilevelStudy(TARGET, Schedules.vp(), samples, 1);
        int n = toLevels - fromLevels + 1;
        double[][] em = new double[n][];
        double[][] ml = new double[n][];
        double[][] coarseOn = new double[n][];
        double[] topCalls = new double[n];
        for (int i = 0; i < n; i++) {
            int k = fromLevels + i;
            ModelHierarchy h = study.withPilotDifferences(SyntheticHierarchy.linear(TARGET.exactScore(), k, gamma, 1), 64, 256, null);
            double[] delta = h.differences().orElseThrow().at(0);
            double sum = 0;
            for (int j = 1; j <= k; j++) {
                sum += delta[j - 1] * Math.sqrt(h.cost(j));
            }
            int steps = n0 << k;
            MultilevelStudy.Point e = study.flowError(Integrators.parse("mlem:rate=inf,lambda=0"), h, steps);
            Integrator mlem = new MultilevelEulerMaruyama(c * Math.pow(4, k) * sum, 0, MultilevelEulerMaruyama.Form.EULER,
                    MultilevelEulerMaruyama.Share.SAMPLE);
            MultilevelStudy.Point m = study.flowError(mutation.isEmpty() ? mlem : Mutant.parse(mlem, mutation), h, steps);
            Integrator open = new MultilevelEulerMaruyama(c * Math.pow(4, k) * sum, 0, MultilevelEulerMaruyama.Form.EULER,
                    MultilevelEulerMaruyama.Share.SAMPLE, 1);
            MultilevelStudy.Point o = study.flowError(mutation.isEmpty() ? open : Mutant.parse(open, mutation), h, steps);
            coarseOn[i] = new double[] {k, steps, o.error(), o.errorSe(), o.cost()};
            em[i] = new double[] {k, steps, e.error(), e.errorSe(), e.cost()};
            ml[i] = new double[] {k, steps, m.error(), m.errorSe(), m.cost()};
            topCalls[i] = m.calls()[k - 1];
        }
        SimpleRegression emFit = fit(em);
        SimpleRegression mlFit = fit(ml);
        SimpleRegression onFit = fit(coarseOn);
        List<Check> checks = List.of(check("mlem", mlFit, ml, -gamma), check("eulerMaruyama (top level)", emFit, em, -(gamma + 1)),
                check("mlem:open=1 (level 1 always evaluated)", onFit, coarseOn, -gamma));
        Table.Builder t = Table.of("cost against strong error, one row per accuracy eps = 2^-K; speedup = EM's fitted cost at ML-EM's error "
                + "over ML-EM's cost; open=1: level 1 always evaluated, as the paper does", "K", "steps", "EM error", "EM cost", "ML-EM error",
                "s.e.", "ML-EM cost", "top-level calls per sample", "speedup at equal error", "open=1 error", "open=1 cost", "open=1 speedup");
        double[] speedup = new double[n];
        for (int i = 0; i < n; i++) {
            speedup[i] = Math.exp(emFit.predict(Math.log(ml[i][2]))) / ml[i][4];
            t.row((int) em[i][0], (int) em[i][1], sci(em[i][2]), sci(em[i][4]), sci(ml[i][2]), sci(ml[i][3]), sci(ml[i][4]),
                    String.format(Locale.ROOT, "%.1f", topCalls[i]), String.format(Locale.ROOT, "%.2f", speedup[i]), sci(coarseOn[i][2]),
                    sci(coarseOn[i][4]), String.format(Locale.ROOT, "%.2f", Math.exp(emFit.predict(Math.log(coarseOn[i][2]))) / coarseOn[i][4]));
        }
        Chart.Builder chart = Chart.of(id + ": cost against error", "strong RMS error", "cost per sample (sum of C_k per call)", true, true)
                .measured("eulerMaruyama, top level", column(em, 2), column(em, 4))
                .measured("mlem", column(ml, 2), column(ml, 4))
                .measured("mlem:open=1", column(coarseOn, 2), column(coarseOn, 4))
                .fit(String.format(Locale.ROOT, "fit: slope %.2f", emFit.getSlope()), column(em, 2), fitted(emFit, em))
                .fit(String.format(Locale.ROOT, "fit: slope %.2f", mlFit.getSlope()), column(ml, 2), fitted(mlFit, ml))
                .theory(String.format(Locale.ROOT, "eps^-%s", gamma + 1), column(em, 2), anchored(em, -(gamma + 1)))
                .theory(String.format(Locale.ROOT, "eps^-%s", gamma), column(ml, 2), anchored(ml, -gamma));
        return new ClaimResult(this, checks, List.of(t.build()), chart.build(), (System.nanoTime() - start) * 1e-9);
    }

    private Check check(String subject, SimpleRegression fit, double[][] rows, double expected) {
        double half = fit.getSlopeConfidenceInterval(0.05);
        double[] local = new double[rows.length - 1];
        for (int i = 1; i < rows.length; i++) {
            local[i - 1] = Math.log(rows[i][4] / rows[i - 1][4]) / Math.log(rows[i][2] / rows[i - 1][2]);
        }
        double slope = fit.getSlope();
        return new Check(subject, "slope of log cost on log error", slope, slope - half, slope + half, String.format(Locale.ROOT, "%.2f", expected),
                Judgement.ofOrder(expected, tolerance, slope, slope - half, slope + half, local));
    }

    private static SimpleRegression fit(double[][] rows) {
        SimpleRegression r = new SimpleRegression();
        for (double[] row : rows) {
            r.addData(Math.log(row[2]), Math.log(row[4]));
        }
        return r;
    }

    private static double[] fitted(SimpleRegression r, double[][] rows) {
        return java.util.Arrays.stream(rows).mapToDouble(row -> Math.exp(r.predict(Math.log(row[2])))).toArray();
    }

    /** A theory line of the given slope through the geometric centre of the points. */
    private static double[] anchored(double[][] rows, double slope) {
        double lx = 0;
        double ly = 0;
        for (double[] row : rows) {
            lx += Math.log(row[2]) / rows.length;
            ly += Math.log(row[4]) / rows.length;
        }
        double x0 = lx;
        double y0 = ly;
        return java.util.Arrays.stream(rows).mapToDouble(row -> Math.exp(y0 + slope * (Math.log(row[2]) - x0))).toArray();
    }

    private static double[] column(double[][] rows, int k) {
        return java.util.Arrays.stream(rows).mapToDouble(r -> r[k]).toArray();
    }

    /** A cost or error as printed in the ML-EM tables. */
    static String sci(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
