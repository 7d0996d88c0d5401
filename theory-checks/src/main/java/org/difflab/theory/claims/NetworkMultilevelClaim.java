package org.difflab.theory.claims;

import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.hierarchy.GammaFit;
import org.difflab.dsl.hierarchy.LevelDifferences;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.hierarchy.PilotDifferences;
import org.difflab.dsl.integrator.Integrators;
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
 * unstable jumps (measured: errors of 10^3..10^4 against EM's 3..13). The hierarchy's HTMC exponent gamma is measured (level differences delta_k
 * along Euler-Maruyama trajectories of the largest network against the measured costs C_k, {@link GammaFit}), and
 * ML-EM's cost against its error is set beside Euler-Maruyama with the largest network. Every error is the RMS
 * distance, on one Brownian path from the same prior draws, to a fine Euler-Maruyama run with the largest network
 * ({@link MultilevelStudy#coupledDistance}), so it contains discretization and randomization; EM with each smaller
 * network shows what a single cheaper level gives. The theorem promises ML-EM a lower cost at equal error when
 * gamma &gt; 2 (the HTMC regime); the speedup is EM's cost at ML-EM's error (interpolated on EM's log-log cost-error
 * line) over ML-EM's cost. ML-EM's rate constant Lambda is set as multiples of the one that opens the widest gate fully
 * at the study's step ({@code rate = factor / (eta max_k,t delta_k(t) / sqrt(C_k))}).
 *
 * @param id             short stable id
 * @param hierarchy      what the hierarchy is, for the setup text
 * @param zoo            the zoo whose entries, smallest first, are the levels (closed after the check)
 * @param schedule       the networks' training schedule spec
 * @param steps          step counts of Euler-Maruyama with the largest network, increasing; ML-EM runs at the largest
 * @param referenceSteps steps of the fine reference run
 * @param rateFactors    ML-EM's rate constants, as fractions of the one that opens the widest gate fully
 * @param pilotSteps     steps of the pilot Euler-Maruyama run measuring the level differences, one time bin per grid point
 * @param samples        paths per run
 * @param seed           seed of the prior draws, the Brownian path and the gates
 */
public record NetworkMultilevelClaim(String id, String hierarchy, Supplier<Zoo> zoo, String schedule, int[] steps, int referenceSteps,
                                     double[] rateFactors, int pilotSteps, int samples, long seed) implements Claim {

    public NetworkMultilevelClaim {
        Claim.requireId(id);
        if (hierarchy == null || hierarchy.isBlank() || zoo == null) {
            throw new IllegalArgumentException("hierarchy = '" + hierarchy + "', zoo = " + zoo + " are not allowed for claim " + id
                    + ": a description and a zoo");
        }
        Schedules.parse(schedule);
        steps = steps.clone();
        rateFactors = rateFactors.clone();
        if (steps.length < 3 || referenceSteps <= steps[steps.length - 1] || rateFactors.length < 1 || pilotSteps < 1 || samples < 2) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "steps = %s, referenceSteps = %d, rateFactors = %s, pilotSteps = %d, "
                    + "samples = %d are not allowed for claim %s: at least 3 step counts (a CI), a reference finer than the largest, at "
                    + "least 1 rate factor, pilotSteps >= 1, samples >= 2", Arrays.toString(steps), referenceSteps,
                    Arrays.toString(rateFactors), pilotSteps, samples, id));
        }
        for (double f : rateFactors) {
            if (!(f > 0) || !Double.isFinite(f)) {
                throw new IllegalArgumentException("rateFactors = " + Arrays.toString(rateFactors) + " is not allowed for claim " + id
                        + ": each must be finite and > 0");
            }
        }
    }

    @Override
    public String family() {
        return NetworkClaims.FAMILY;
    }

    @Override
    public Provenance provenance() {
        return Provenance.paper("Jacot (2026), Multilevel Euler-Maruyama, arXiv 2603.24594", "abstract: with UNets of increasing size as levels "
                + "(gamma ~ 2.5 measured on CelebA 64x64), ML-EM reaches error eps at cost eps^-gamma against eps^-(gamma+1) for EM with the "
                + "largest, up to fourfold faster")
                .differs("16x16 synthetic shapes and the zoo's four UNets instead of CelebA 64x64; wall time instead of compute; strong RMS "
                        + "error (the theorem's metric is not known); rates set from pilot differences, not learned as the paper's [S]")
                .basis("the estimator confirmed by Paing and Jacot (2026); rates and cost model: research note mlem_parallel.md A.2-A.4; review "
                        + "mlem_piadm_fulltext.md 8.1");
    }

    @Override
    public String rule() {
        return "gamma (fitted exponent of the level differences against cost) must exceed 2 for the theorem to apply: HOLDS when its whole "
                + "95% interval lies above 2, INCONCLUSIVE otherwise; then each ML-EM run's speedup over EM at equal error (EM's fitted cost "
                + "at ML-EM's error over ML-EM's cost) HOLDS above 1 and is VIOLATED at or below 1";
    }

    @Override
    public String statement() {
        return "On a hierarchy of networks with gamma > 2, ML-EM reaches the error of Euler-Maruyama with the largest network at a "
                + "lower cost";
    }

    @Override
    public String expectation() {
        return "gamma > 2 (the HTMC regime; below it the theorem promises nothing), and then a speedup > 1 at equal error";
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "hierarchy %s, schedule %s, uniform grids ending at tMin, float64 paths; EM with the largest "
                        + "network at %s steps; mlem:lambda=1,share=sample at %d steps with rate factors %s; EM with each smaller network at %d "
                        + "steps; errors RMS ||x - x_ref|| against EM with the largest network at %d steps on one Brownian path, %d paths (seed "
                        + "%d); pilot differences on %d-step EM trajectories of %d rows, one time bin per grid point; costs C_k measured (median of 7 "
                        + "forwards of 64 images), cost per sample = sum_k C_k (level-k calls per sample)", hierarchy, schedule,
                Arrays.toString(steps), steps[steps.length - 1], Arrays.toString(rateFactors), steps[steps.length - 1], referenceSteps, samples,
                seed, pilotSteps, samples);
    }

    @Override
    public List<String> integrators() {
        return List.of("mlem", "eulerMaruyama");
    }

    @Override
    public String note() {
        return "Costs are wall times measured on this machine, so the cost axis and the speedup move with its load (about 30% on a "
                + "shared machine); EM runs as mlem:rate=inf, which calls only the top level and equals Euler-Maruyama bit for bit. A "
                + "gate closed with probability 1 - p turns a level's difference into a kick of g^2 eta Delta_k / p_k = g^2 sqrt(C_k) / "
                + "Lambda when it opens, whatever the step: rates set by the small-sigma end, where the differences are largest, make "
                + "these kicks larger than the state itself at large sigma, and a path that leaves the data is where the networks "
                + "disagree most.";
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        try (Zoo z = zoo.get()) {
            ModelHierarchy networks = z.hierarchy();
            Shape event = networks.eventShape();
            ModelHierarchy h = networks.withBase(SyntheticShapes.of((int) event.get(1)).exactStatistics().gaussianScore());
            NoiseSchedule s = Schedules.parse(schedule);
            MultilevelStudy study = new MultilevelStudy(event, s, samples, seed);
            LevelDifferences pilot = study.pilotDifferences(h, pilotSteps, samples, binEdges(study.grid(pilotSteps)));
            ModelHierarchy levels = h.withDifferences(PilotDifferences.of(pilot));
            int k = levels.size();
            double[] deltas = new double[k];
            for (int i = 1; i <= k; i++) {
                deltas[i - 1] = pilot.delta(i);
            }
            GammaFit gamma = GammaFit.fit(levels.costs(), deltas, LevelDifferences.DEFAULT_FIRST_LEVEL);
            var em = Integrators.parse("mlem:rate=inf");
            Table.Builder table = Table.of("cost against error (errors against EM with the largest network at " + referenceSteps + " steps)",
                    "run", "steps", "error", "s.e.", "cost per sample", "level calls per sample (smallest first)");
            double[] emError = new double[steps.length];
            double[] emCost = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                MultilevelStudy.Point p = study.coupledDistance(em, steps[i], em, referenceSteps, levels);
                emError[i] = p.error();
                emCost[i] = p.cost();
                table.row("EM, largest network", steps[i], sci(p.error()), sci(p.errorSe()), sci(p.cost()), calls(p.calls()));
            }
            SimpleRegression line = new SimpleRegression();
            for (int i = 0; i < steps.length; i++) {
                line.addData(Math.log(emError[i]), Math.log(emCost[i]));
            }
            int n = steps[steps.length - 1];
            TimeGrid grid = study.grid(n);
            double eta = grid.t(0) - grid.t(1);
            double widest = Arrays.stream(levels.maxRates(1)).max().orElseThrow() * eta;
            List<Check> checks = new ArrayList<>();
            checks.add(new Check("hierarchy", "HTMC exponent gamma", gamma.gamma(), gamma.lower(), gamma.upper(), "> 2", gammaJudgement(gamma)));
            double[] mlError = new double[rateFactors.length];
            double[] mlCost = new double[rateFactors.length];
            for (int i = 0; i < rateFactors.length; i++) {
                String spec = String.format(Locale.ROOT, "mlem:rate=%.6g,lambda=1,share=sample", rateFactors[i] / widest);
                MultilevelStudy.Point p = study.coupledDistance(Integrators.parse(spec), n, em, referenceSteps, levels);
                mlError[i] = p.error();
                mlCost[i] = p.cost();
                double emAtError = Math.exp(line.predict(Math.log(p.error())));
                double speedup = emAtError / p.cost();
                table.row(spec, n, sci(p.error()), sci(p.errorSe()), sci(p.cost()), calls(p.calls()));
                checks.add(new Check(String.format(Locale.ROOT, "mlem, rate factor %s", rateFactors[i]), "speedup over EM at equal error", speedup,
                        Double.NaN, Double.NaN, "> 1 if gamma > 2", speedupJudgement(gamma, speedup, p.error(), emError)));
            }
            double[] singleError = new double[k - 1];
            double[] singleCost = new double[k - 1];
            for (int level = 1; level < k; level++) {
                ModelHierarchy one = ModelHierarchy.of(List.of(levels.model(level)), new double[] {levels.cost(level)});
                MultilevelStudy.Point p = study.coupledDistance(em, n, one, em, referenceSteps, levels);
                singleError[level - 1] = p.error();
                singleCost[level - 1] = p.cost();
                table.row("EM, level " + level + " network", n, sci(p.error()), sci(p.errorSe()), sci(p.cost()), calls(p.calls()));
            }
            Table.Builder levelTable = Table.of("the hierarchy: measured costs and pilot level differences", "level", "cost C_k (s per "
                    + "forward of 64)", "delta_k (RMS score difference to level k-1)", "local gamma");
            double[] local = gamma.localGamma();
            for (int i = 1; i <= k; i++) {
                levelTable.row(i, sci(levels.cost(i)), sci(deltas[i - 1]),
                        i > gamma.firstLevel() ? String.format(Locale.ROOT, "%.3f", local[i - gamma.firstLevel() - 1]) : "");
            }
            Chart chart = Chart.of(id + ": cost against error", "RMS error against the fine run", "cost per path (sum of C_k x calls, s)", true,
                    true)
                    .measured("EM, largest network (" + Arrays.toString(steps) + " steps)", emError, emCost)
                    .measured("ML-EM (" + n + " steps, rate factors " + Arrays.toString(rateFactors) + ")", mlError, mlCost)
                    .measured("EM, smaller networks (" + n + " steps)", singleError, singleCost).build();
            return new ClaimResult(this, checks, List.of(levelTable.build(), table.build()), chart, (System.nanoTime() - start) * 1e-9);
        }
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

    private static Judgement speedupJudgement(GammaFit g, double speedup, double error, double[] emErrors) {
        double lo = Arrays.stream(emErrors).min().orElseThrow();
        double hi = Arrays.stream(emErrors).max().orElseThrow();
        String where = error < lo || error > hi ? String.format(Locale.ROOT, " (EM's cost extrapolated: error %.3e outside EM's %.3e..%.3e)",
                error, lo, hi) : "";
        String text = String.format(Locale.ROOT, "speedup %.3f at error %.3e%s", speedup, error, where);
        if (g.lower() > 2) {
            return Judgement.of(speedup > 1, text);
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
