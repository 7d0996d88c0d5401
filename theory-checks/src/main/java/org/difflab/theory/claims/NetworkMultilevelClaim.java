package org.difflab.theory.claims;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.hierarchy.GammaFit;
import org.difflab.dsl.hierarchy.LevelDifferences;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.data.SyntheticShapes;
import org.difflab.runtime.zoo.Zoo;
import org.difflab.theory.multilevel.MultilevelStudy;

/**
 * ML-EM on a hierarchy of trained networks (Jacot 2026, arXiv 2603.24594: UNets of increasing size as the levels;
 * research note mlem_parallel.md, A.4), telescoped from a free base s^0, the exact score of the Gaussian with the data's
 * per-pixel means and variances ({@link org.difflab.runtime.data.ShapeStatistics#gaussianScore}; the zoo's networks are
 * trained on {@link SyntheticShapes}): without it Delta_1 is the whole score, whose stiff linear part the gates turn into
 * unstable jumps (measured: errors of 10^3..10^4 against EM's 3..13). The hierarchy's HTMC exponent gamma is measured
 * (level differences delta_k along Euler-Maruyama trajectories of the largest network against the costs C_k, {@link
 * GammaFit}), and ML-EM's cost against its error is set beside Euler-Maruyama with the largest network. Costs are FLOPs
 * per evaluation ({@link org.difflab.runtime.zoo.ZooEntry#flopsPerEvaluation}, counted from each UNet's layers): the
 * paper states cost as compute, and a count does not move with the machine's load, so the gates' rates (which weigh
 * each level by 1 / sqrt(C_k)) and therefore the runs are the same on any machine; the measured wall time of each
 * level is reported beside them. Every error is the RMS distance, on one Brownian path from the same prior draws, to a fine Euler-Maruyama run with the largest network
 * ({@link MultilevelStudy#coupledDistance}), so it contains discretization and randomization; EM with each smaller
 * network shows what a single cheaper level gives. The theorem promises ML-EM a lower cost at equal error when
 * gamma &gt; 2 (the HTMC regime); the speedup is EM's cost at ML-EM's error (interpolated on EM's log-log cost-error
 * line) over ML-EM's cost, with its range from the errors' 95% intervals. ML-EM runs with levels 1..open always evaluated ({@code mlem:open=k}), as the paper clamps
 * p_k at 1 on its coarse levels (Paing and Jacot 2026 [F], Prop. 3: the optimal p_k falls with k, so the clamp binds on
 * an initial segment); a closed gate on a coarse level, whose difference is the largest, is what made earlier runs blow
 * up. The other gates are time dependent, p_k(t) = min(1, eta Lambda delta_k(t) / sqrt(C_k)) with delta_k(t) measured
 * per grid point; Lambda is set as multiples of the one that opens the widest gated level fully at the study's step
 * ({@code rate = factor / (eta max_{k > open, t} delta_k(t) / sqrt(C_k))}). Strong RMS error is DiffLab's metric; the
 * paper's is not known to us.
 *
 * @param id             short stable id
 * @param hierarchy      what the hierarchy is, for the setup text
 * @param zoo            the zoo whose entries, smallest first, are the levels (closed after the check)
 * @param base           the free base s^0 for the levels' event shape [C, S, S]
 * @param schedule       the networks' training schedule spec
 * @param steps          step counts of Euler-Maruyama with the largest network, increasing; ML-EM runs at the largest
 * @param referenceSteps steps of the fine reference run
 * @param rateFactors    ML-EM's rate constants, as fractions of the one that opens the widest gated level fully
 * @param open           levels 1..open always evaluated (0 &lt;= open &lt; the number of levels)
 * @param pilotSteps     steps of the pilot Euler-Maruyama run measuring the level differences, one time bin per grid point
 * @param samples        paths per run
 * @param seed           seed of the prior draws, the Brownian path and the gates
 */
public record NetworkMultilevelClaim(String id, String hierarchy, Supplier<Zoo> zoo, Function<Shape, ScoreModel> base, String schedule, int[] steps, int referenceSteps,
                                     double[] rateFactors, int open, int pilotSteps, int samples, long seed) implements Claim {
    /** The normal 97.5% quantile: the ends of a 95% interval of an error. */
    private static final double Z95 = 1.96;
    private static final String SPEEDUP_RANGE = "range: the speedup at the ends of ML-EM's and EM's errors' 95% intervals";

    public NetworkMultilevelClaim {
        Claim.requireId(id);
        if (hierarchy == null || hierarchy.isBlank() || zoo == null || base == null) {
            throw new IllegalArgumentException("hierarchy = '" + hierarchy + "', zoo = " + zoo + ", base = " + base + " are not allowed "
                    + "for claim " + id + ": a description, a zoo and a base score");
        }
        Schedules.parse(schedule);
        steps = steps.clone();
        rateFactors = rateFactors.clone();
        if (steps.length < 3 || referenceSteps <= steps[steps.length - 1] || rateFactors.length < 1 || open < 0 || pilotSteps < 1
                || samples < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "steps = %s, referenceSteps = %d, rateFactors = %s, open = %d, "
                    + "pilotSteps = %d, samples = %d are not allowed for claim %s: at least 3 step counts (a CI), a reference finer than "
                    + "the largest, at least 1 rate factor, open >= 0, pilotSteps >= 1, samples >= 2", Arrays.toString(steps),
                    referenceSteps, Arrays.toString(rateFactors), open, pilotSteps, samples, id));
        }
        for (double f : rateFactors) {
            if (!(f > 0) || !Double.isFinite(f)) {
                throw new IllegalArgumentException("rateFactors = " + Arrays.toString(rateFactors) + " is not allowed for claim " + id
                        + ": each must be finite and > 0");
            }
        }
    }

    /** The claim on a zoo of synthetic-shapes networks: the base is the shapes' exact per-pixel Gaussian. */
    public NetworkMultilevelClaim(String id, String hierarchy, Supplier<Zoo> zoo, String schedule, int[] steps, int referenceSteps,
                                  double[] rateFactors, int open, int pilotSteps, int samples, long seed) {
        this(id, hierarchy, zoo, event -> SyntheticShapes.of((int) event.get(1)).exactStatistics().gaussianScore(), schedule, steps,
                referenceSteps, rateFactors, open, pilotSteps, samples, seed);
    }

    @Override
    public String family() {
        return ClaimFamilies.NETWORK;
    }

    @Override
    public Provenance provenance() {
        return Provenance.paper(ClaimFamilies.MULTILEVEL_PAPER, "abstract: with UNets of increasing size as levels "
                + "(gamma ~ 2.5 measured on CelebA 64x64), ML-EM reaches error eps at cost eps^-gamma against eps^-(gamma+1) for EM with the "
                + "largest, up to fourfold faster")
                .differs(hierarchy + " instead of CelebA 64x64 and the paper's UNets; cost as counted FLOPs and measured wall "
                        + "time; strong RMS error, DiffLab's metric (the paper's is not known to us); rates set from pilot differences, "
                        + "not learned as the paper's [S]")
                .basis("the estimator confirmed by Paing and Jacot (2026); rates and cost model: research note mlem_parallel.md A.2-A.4; review "
                        + "mlem_piadm_fulltext.md 8.1");
    }

    @Override
    public String rule() {
        return "gamma (fitted exponent of the level differences against FLOPs) must exceed 2 for the theorem to apply: HOLDS when its "
                + "whole 95% interval lies above 2, INCONCLUSIVE otherwise; then each ML-EM run's speedup over EM at equal error (EM's "
                + "fitted FLOPs at ML-EM's error over ML-EM's FLOPs, with its range from the errors' 95% intervals) HOLDS when the range "
                + "lies above 1, is VIOLATED when it lies at or below 1, INCONCLUSIVE otherwise; the speedup in "
                + "measured wall time is reported beside it";
    }

    @Override
    public String statement() {
        return "On a hierarchy of networks with gamma > 2, ML-EM (coarse levels always on) reaches the error of Euler-Maruyama with "
                + "the largest network at a lower cost";
    }

    @Override
    public String expectation() {
        return "gamma > 2 (the HTMC regime; below it the theorem promises nothing), and then a speedup > 1 at equal error";
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "hierarchy %s, schedule %s, uniform grids ending at tMin, float64 paths; EM with the largest "
                        + "network at %s steps; mlem:lambda=1,share=sample,open=%d at %d steps with rate factors %s; EM with each smaller "
                        + "network at %d steps; errors RMS ||x - x_ref|| (DiffLab's metric) against EM with the largest network at %d steps "
                        + "on one Brownian path, %d paths (seed %d); pilot differences on %d-step EM trajectories of %d rows, one time bin "
                        + "per grid point; cost per sample = sum_k C_k (level-k calls per sample) with C_k the FLOPs of one image's "
                        + "forward pass (counted), and with C_k the measured seconds of a forward of 64 images (median of 7)", hierarchy,
                schedule, Arrays.toString(steps), open, steps[steps.length - 1], Arrays.toString(rateFactors), steps[steps.length - 1],
                referenceSteps, samples, seed, pilotSteps, samples);
    }

    @Override
    public List<String> integrators() {
        return List.of("mlem", "eulerMaruyama");
    }

    @Override
    public String note() {
        return "FLOPs set the rates and the judged speedup, so the runs do not depend on the machine; wall times move with its load "
                + "(about 30% on a shared machine) and include what FLOPs leave out (memory traffic, per-call overhead, which weigh "
                + "most on the smallest network). EM runs as mlem:rate=inf, which calls only the top level and equals Euler-Maruyama "
                + "bit for bit. A gate closed with probability 1 - p turns a level's difference into a kick of g^2 eta Delta_k / p_k "
                + "= g^2 sqrt(C_k) / Lambda when it opens, whatever the step: on a coarse level, whose difference is the largest, "
                + "these kicks exceed the state (on the shapes zoo, runs with level 1 gated reached norms of 10^3..10^4; the data's are about 28), "
                + "which is why levels 1..open are always evaluated, as the paper's clamp p_k = 1 does on its coarse levels.";
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        try (Zoo z = zoo.get()) {
            ModelHierarchy timed = z.hierarchy();
            double[] seconds = timed.costs();
            double[] flops = z.names().stream().mapToDouble(name -> z.spec(name).flopsPerEvaluation()).toArray();
            Shape event = timed.eventShape();
            ModelHierarchy h = ModelHierarchy.of(timed.models(), flops)
                    .withBase(base.apply(event));
            int k = h.size();
            if (open >= k) {
                throw new IllegalArgumentException("open = " + open + " is not allowed for claim " + id + " on a hierarchy of " + k
                        + " levels: must be below " + k + " (open = " + k + " is EM with every level)");
            }
            NoiseSchedule s = Schedules.parse(schedule);
            MultilevelStudy study = new MultilevelStudy(event, s, samples, seed);
            LevelDifferences pilot = study.pilotDifferences(h, pilotSteps, samples, binEdges(study.grid(pilotSteps)));
            ModelHierarchy levels = h.withDifferences(pilot.pilot());
            double[] deltas = new double[k];
            for (int i = 1; i <= k; i++) {
                deltas[i - 1] = pilot.delta(i);
            }
            boolean fittable = k > LevelDifferences.DEFAULT_FIRST_LEVEL; // at least two levels from the first fitted one
            GammaFit gamma = fittable ? GammaFit.fit(flops, deltas, LevelDifferences.DEFAULT_FIRST_LEVEL) : null;
            boolean htmc = fittable && gamma.lower() > 2;
            var em = Integrators.parse("mlem:rate=inf");
            Table.Builder table = Table.of("cost against error (errors against EM with the largest network at " + referenceSteps + " steps)",
                    "run", "steps", "error", "s.e.", "GFLOP per sample", "s per sample (forwards of 64)", "speedup at equal error "
                            + "(FLOPs / time)", "level calls per sample (smallest first)");
            double[] emError = new double[steps.length];
            double[] emFlops = new double[steps.length];
            double[] emTime = new double[steps.length];
            double[] emSe = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                MultilevelStudy.Point p = study.coupledDistance(em, steps[i], em, referenceSteps, levels);
                emError[i] = p.error();
                emSe[i] = p.errorSe();
                emFlops[i] = p.cost();
                emTime[i] = dot(p.calls(), seconds);
                table.row("EM, largest network", steps[i], sci(p.error()), sci(p.errorSe()), sci(p.cost() * 1e-9), sci(emTime[i]), "",
                        calls(p.calls()));
            }
            SimpleRegression flopsLine = line(emError, emFlops);
            SimpleRegression timeLine = line(emError, emTime);
            int n = steps[steps.length - 1];
            TimeGrid grid = study.grid(n);
            double eta = grid.t(0) - grid.t(1);
            double[] maxRates = levels.maxRates(1);
            double widest = Arrays.stream(maxRates, open, k).max().orElseThrow() * eta;
            List<Check> checks = new ArrayList<>();
            checks.add(fittable ? new Check("hierarchy", "HTMC exponent gamma", gamma.gamma(), gamma.lower(), gamma.upper(), "> 2",
                    gammaJudgement(gamma)) : new Check("hierarchy", "HTMC exponent gamma", Double.NaN, Double.NaN, Double.NaN, "> 2",
                    new Judgement(Verdict.INCONCLUSIVE, k + " levels: gamma is fitted over levels " + LevelDifferences.DEFAULT_FIRST_LEVEL
                            + "..K and needs K > " + LevelDifferences.DEFAULT_FIRST_LEVEL + ", so whether the theorem applies is not measured")));
            double[] mlError = new double[rateFactors.length];
            double[] mlFlops = new double[rateFactors.length];
            for (int i = 0; i < rateFactors.length; i++) {
                String spec = String.format(Locale.ROOT, "mlem:rate=%.6g,lambda=1,share=sample%s", rateFactors[i] / widest,
                        open > 0 ? ",open=" + open : "");
                MultilevelStudy.Point p = study.coupledDistance(Integrators.parse(spec), n, em, referenceSteps, levels);
                mlError[i] = p.error();
                mlFlops[i] = p.cost();
                double time = dot(p.calls(), seconds);
                double speedup = Math.exp(flopsLine.predict(Math.log(p.error()))) / p.cost();
                double timeSpeedup = Math.exp(timeLine.predict(Math.log(p.error()))) / time;
                double[] range = speedupRange(p.error(), p.errorSe(), p.cost(), emError, emSe, emFlops);
                table.row(spec, n, sci(p.error()), sci(p.errorSe()), sci(p.cost() * 1e-9), sci(time), String.format(Locale.ROOT,
                        "%.3f [%.3f, %.3f] / %.3f", speedup, range[0], range[1], timeSpeedup), calls(p.calls()));
                checks.add(new Check(String.format(Locale.ROOT, "mlem open=%d, rate factor %s", open, rateFactors[i]), "speedup over EM at "
                        + "equal error (FLOPs)", speedup, range[0], range[1], SPEEDUP_RANGE, "> 1 if gamma > 2", speedupJudgement(htmc,
                        speedup, range, timeSpeedup, p.error(), emError)));
            }
            double[] singleError = new double[k - 1];
            double[] singleFlops = new double[k - 1];
            for (int level = 1; level < k; level++) {
                ModelHierarchy one = ModelHierarchy.of(List.of(levels.model(level)), new double[] {flops[level - 1]});
                MultilevelStudy.Point p = study.coupledDistance(em, n, one, em, referenceSteps, levels);
                singleError[level - 1] = p.error();
                singleFlops[level - 1] = p.cost();
                table.row("EM, level " + level + " network", n, sci(p.error()), sci(p.errorSe()), sci(p.cost() * 1e-9),
                        sci(p.calls()[0] * seconds[level - 1]), "", calls(p.calls()));
            }
            Table.Builder levelTable = Table.of("the hierarchy: counted and measured costs, pilot level differences", "level", "MFLOP per "
                    + "image (counted)", "s per forward of 64 (measured)", "delta_k (RMS score difference to level k-1)", "local gamma (FLOPs)");
            double[] local = fittable ? gamma.localGamma() : new double[0];
            for (int i = 1; i <= k; i++) {
                levelTable.row(i + (i <= open ? " (always on)" : ""), String.format(Locale.ROOT, "%.1f", flops[i - 1] * 1e-6),
                        sci(seconds[i - 1]), sci(deltas[i - 1]), fittable && i > gamma.firstLevel() ? String.format(Locale.ROOT,
                                "%.3f", local[i - gamma.firstLevel() - 1]) : "");
            }
            Chart chart = Chart.of(id + ": cost against error", "RMS error against the fine run", "FLOPs per path (sum of C_k x calls)",
                    true, true)
                    .measured("EM, largest network (" + Arrays.toString(steps) + " steps)", emError, emFlops)
                    .measured("ML-EM, open=" + open + " (" + n + " steps, rate factors " + Arrays.toString(rateFactors) + ")", mlError,
                            mlFlops)
                    .measured("EM, smaller networks (" + n + " steps)", singleError, singleFlops).build();
            return new ClaimResult(this, checks, List.of(levelTable.build(), table.build()), chart, (System.nanoTime() - start) * 1e-9);
        }
    }

    /**
     * The speedup's range: recomputed with ML-EM's error and EM's errors (all together) at the ends of their 95% normal
     * intervals, the four corners' smallest and largest (an error clamped at 1/1000 of itself where its interval reaches 0).
     */
    private static double[] speedupRange(double error, double se, double cost, double[] emErrors, double[] emSe, double[] emCosts) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int a = -1; a <= 1; a += 2) {
            for (int b = -1; b <= 1; b += 2) {
                double[] shifted = new double[emErrors.length];
                for (int i = 0; i < shifted.length; i++) {
                    shifted[i] = Math.max(emErrors[i] * 1e-3, emErrors[i] + b * Z95 * emSe[i]);
                }
                double e = Math.max(error * 1e-3, error + a * Z95 * se);
                double speedup = Math.exp(line(shifted, emCosts).predict(Math.log(e))) / cost;
                lo = Math.min(lo, speedup);
                hi = Math.max(hi, speedup);
            }
        }
        return new double[] {lo, hi};
    }

    /** Least-squares line of log cost against log error. */
    private static SimpleRegression line(double[] errors, double[] costs) {
        SimpleRegression line = new SimpleRegression();
        for (int i = 0; i < errors.length; i++) {
            line.addData(Math.log(errors[i]), Math.log(costs[i]));
        }
        return line;
    }

    private static double dot(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /**
     * One bin per grid point, edges halfway between neighbours: the score differences of networks grow like 1/sigma
     * towards the data, so a bin spanning many steps would set the rates of its large-sigma steps by its small-sigma ones.
     */
    private static double[] binEdges(TimeGrid grid) {
        double[] t = grid.times().clone();
        Arrays.sort(t);
        double[] edges = new double[t.length + 1];
        for (int i = 1; i < t.length; i++) {
            edges[i] = (t[i - 1] + t[i]) / 2;
        }
        edges[0] = t[0] - (t[1] - t[0]) / 2;
        edges[t.length] = t[t.length - 1] + (t[t.length - 1] - t[t.length - 2]) / 2;
        return edges;
    }

    private static Judgement gammaJudgement(GammaFit g) {
        String fit = String.format(Locale.ROOT, "gamma %.3f [%.3f, %.3f] over levels %d..%d", g.gamma(), g.lower(), g.upper(), g.firstLevel(),
                g.lastLevel());
        if (g.lower() > 2) {
            return Judgement.of(true, fit + ": in the HTMC regime");
        }
        if (Double.isNaN(g.gamma())) {
            return new Judgement(Verdict.INCONCLUSIVE, fit + ": the level differences do not fall with the cost (slope " + String.format(
                    Locale.ROOT, "%.3f", g.slope()) + "), so the hierarchy has no finite gamma and the theorem does not apply");
        }
        return new Judgement(Verdict.INCONCLUSIVE, fit + (g.upper() < 2 ? ": below 2, outside the HTMC regime, so the theorem does not "
                + "apply to this hierarchy" : ": the interval contains 2, so whether the theorem applies is not resolved"));
    }

    private static Judgement speedupJudgement(boolean htmc, double speedup, double[] range, double timeSpeedup, double error,
                                              double[] emErrors) {
        double lo = Arrays.stream(emErrors).min().orElseThrow();
        double hi = Arrays.stream(emErrors).max().orElseThrow();
        String where = error < lo || error > hi ? String.format(Locale.ROOT, " (EM's cost extrapolated: error %.3e outside EM's %.3e..%.3e)",
                error, lo, hi) : "";
        String text = String.format(Locale.ROOT, "speedup %.3f [%.3f, %.3f] in FLOPs (%.3f in wall time) at error %.3e%s", speedup, range[0],
                range[1], timeSpeedup, error, where);
        if (htmc && range[0] > 1) {
            return Judgement.of(true, text);
        }
        if (htmc && range[1] <= 1) {
            return Judgement.of(false, text);
        }
        if (htmc) {
            return new Judgement(Verdict.INCONCLUSIVE, text + ": the range contains 1");
        }
        return new Judgement(Verdict.INCONCLUSIVE, text + "; gamma is not shown > 2, so the theorem promises no speedup here");
    }

    private static String calls(double[] calls) {
        StringBuilder b = new StringBuilder();
        for (double c : calls) {
            b.append(b.length() == 0 ? "" : " / ").append(String.format(Locale.ROOT, "%.2f", c));
        }
        return b.toString();
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
