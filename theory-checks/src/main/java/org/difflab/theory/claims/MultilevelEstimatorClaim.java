package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.hierarchy.SyntheticHierarchy;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.theory.multilevel.MultilevelStudy;

/**
 * The ML-EM drift estimator (Jacot 2026, arXiv 2603.24594; research note mlem_parallel.md, sections A.2 and A.7 tests
 * (i) and (ii)), on the synthetic gamma = 2.5 hierarchy with per-time-bin pilot deltas:
 * <ul>
 *   <li>with every gate open (p_k = 1: rate = inf, or a rate so large that eta lambda_k &gt; 1) ML-EM is
 *       Euler-Maruyama with the top level bit for bit, on the SDE and on the probability-flow ODE, gates shared or per
 *       sample (one Brownian path drives both runs);</li>
 *   <li>at a fixed state x and time t, over independent gates, v is unbiased for s^K(x) (chi-square of the
 *       per-coordinate z-scores against its 99.9% quantile) and its total variance is
 *       sum_k (1/p_k - 1) |Delta_k(x)|^2 (within {@code zLimit} standard errors).</li>
 * </ul>
 *
 * @param id      short stable id
 * @param levels  K of the synthetic hierarchy
 * @param rate    Lambda of the gated runs
 * @param eta     step size of the one-step Monte Carlo
 * @param times   times t, as fractions of tMax, at which the estimator is measured
 * @param rows    gate draws per time
 * @param zLimit  allowed standard errors between the measured and predicted variance
 * @param mutation a defect every ML-EM run of the claim gets ({@code gates=2}, as after '@' in a spec; empty: none), for
 *                 negative controls
 */
public record MultilevelEstimatorClaim(String id, int levels, double rate, double eta, double[] times, int rows, double zLimit, String mutation)
        implements ClaimFamilies.Multilevel {
    private static final double[] STATE = {0.3, -1.2, 2.0, 0.7};
    private static final int EXACT_STEPS = 64;
    private static final double UNBIASED_QUANTILE = 0.999;

    public MultilevelEstimatorClaim {
        Claim.requireId(id);
        if (levels < 2 || !(rate > 0) || !(eta > 0) || times == null || times.length == 0 || rows < 2 || !(zLimit > 0)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "levels = %d, rate = %s, eta = %s, times = %s, rows = %d, zLimit = %s "
                    + "are not allowed for claim %s: levels >= 2, rate > 0, eta > 0, at least one time, rows >= 2, zLimit > 0", levels, rate, eta,
                    Arrays.toString(times), rows, zLimit, id));
        }
        for (double f : times) {
            if (!(f > 0 && f <= 1)) {
                throw new IllegalArgumentException("times = " + Arrays.toString(times) + " is not allowed for claim " + id
                        + ": fractions of tMax in (0, 1]");
            }
        }
        times = times.clone();
        mutation = Claim.orEmpty(mutation);
    }

    /** The claim without a mutation. */
    public MultilevelEstimatorClaim(String id, int levels, double rate, double eta, double[] times, int rows, double zLimit) {
        this(id, levels, rate, eta, times, rows, zLimit, "");
    }

    /** This claim with its ML-EM runs broken ({@code gates=2} etc.) and fewer rows, for a negative control. */
    public MultilevelEstimatorClaim mutated(String defect, int fewerRows) {
        return new MultilevelEstimatorClaim(id, levels, rate, eta, times, fewerRows, zLimit, defect);
    }

    @Override
    public double[] times() {
        return times.clone();
    }

    @Override
    public Provenance provenance() {
        return Provenance.consistency(ClaimFamilies.MULTILEVEL_PAPER, "the randomized telescoping drift "
                + "sum_k (B_k / p_k)(s^k - s^(k-1)) with independent Bernoulli gates: unbiased for the top level, and EM with it when every "
                + "gate is open")
                .basis("estimator restated by Paing and Jacot (2026, full text); research note mlem_parallel.md A.2 and A.7 (i)-(ii); review "
                        + "mlem_piadm_fulltext.md 8.1");
    }

    @Override
    public String rule() {
        return "gates open: the RMS distance to EM with the top level must be exactly 0 (bit for bit), else VIOLATED; at a fixed state, over "
                + "independent gate draws: HOLDS when the chi-square of the mean's per-coordinate z-scores against s^K(x) is below its 99.9% "
                + "quantile and the total variance is within the stated standard errors (fourth-moment s.e.) of sum_k (1/p_k - 1) "
                + "|Delta_k(x)|^2, VIOLATED otherwise";
    }

    @Override
    public String statement() {
        return "With p_k = 1 for every level ML-EM is Euler-Maruyama with the top level; otherwise its drift estimate is unbiased for s^K(x) "
                + "with variance sum_k (1/p_k - 1) |Delta_k(x)|^2";
    }

    @Override
    public String expectation() {
        return String.format(Locale.ROOT, "gates open: distance 0 (bit for bit); at fixed x: chi-square of the mean's z-scores below its %.1f%% "
                + "quantile, measured total variance within %.1f s.e. of the prediction", 100 * UNBIASED_QUANTILE, zLimit);
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "target %s, schedule vp; SyntheticHierarchy.linear(exact, %d, 2.5, seed 1) with pilot deltas in 4 "
                + "time bins; gates open: %d steps, 64 samples, one Brownian path; estimator: one Euler step of mlem:rate=%s,lambda=0,share=sample "
                + "of size %s from x = %s at t = %s tMax, %d rows%s", MultilevelCostClaim.TARGET.spec(), levels, EXACT_STEPS, rate, eta,
                Arrays.toString(STATE), Arrays.toString(times), rows, mutation.isEmpty() ? "" : "; every ML-EM run broken: @" + mutation);
    }

    @Override
    public String note() {
        return "The variance check reads v back from the step each row took, so it tests the integrator's gates, weights and level "
                + "selection, not a formula. Rows with small p_k make v heavy-tailed; the variance's standard error uses the fourth moment.";
    }

    @Override
    public List<String> integrators() {
        return List.of("mlem:rate=inf", "mlem:share=sample,lambda=0");
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        NoiseSchedule schedule = Schedules.vp();
        MultilevelStudy study = new MultilevelStudy(MultilevelCostClaim.TARGET, schedule, 64, 1);
        double[] edges = new double[5];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = schedule.tMin() + (schedule.tMax() - schedule.tMin()) * i / 4;
        }
        ModelHierarchy h = study.withPilotDifferences(SyntheticHierarchy.linear(MultilevelCostClaim.TARGET.exactScore(), levels, 2.5, 1), 64, 256, edges);
        List<Check> checks = new ArrayList<>();
        Table.Builder exact = Table.of("every gate open against Euler-Maruyama with the top level (" + EXACT_STEPS + " steps, one Brownian path)",
                "mlem", "reference", "RMS distance", "top-level calls per sample");
        for (String[] pair : new String[][] {{"mlem:rate=inf", "eulerMaruyama"}, {"mlem:rate=1e12,share=batch", "eulerMaruyama"},
                {"mlem:rate=1e12,share=sample", "eulerMaruyama"}, {"mlem:rate=1e12,lambda=0,share=sample", "eulerMaruyama:lambda=0"}}) {
            Integrator mlem = Integrators.parse(mutation.isEmpty() ? pair[0] : pair[0] + "@" + mutation);
            MultilevelStudy.Point p = study.coupledDistance(mlem, EXACT_STEPS, Integrators.parse(pair[1]), EXACT_STEPS, h);
            exact.row(pair[0], pair[1], MultilevelCostClaim.sci(p.error()), String.format(Locale.ROOT, "%.0f", p.calls()[levels - 1]));
            checks.add(new Check(pair[0], "RMS distance to " + pair[1], p.error(), Double.NaN, Double.NaN, "exact (one Brownian path)", "0 (bit for bit)",
                    Judgement.of(p.error() == 0, p.error() == 0 ? "every sample equal bit for bit"
                            : String.format(Locale.ROOT, "RMS distance %.3e: the runs differ", p.error()))));
        }
        Table.Builder estimator = Table.of("the drift estimate v at x = " + Arrays.toString(STATE) + " over " + rows + " gate draws",
                "t", "p_k (level 1 first)", "chi-square of the mean", "measured variance", "s.e.", "predicted sum (1/p_k - 1) |Delta_k|^2");
        double chiLimit = new ChiSquaredDistribution(STATE.length).inverseCumulativeProbability(UNBIASED_QUANTILE);
        double[] ts = new double[times.length];
        double[] ratio = new double[times.length];
        double[] bars = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            double t = times[i] * schedule.tMax();
            MultilevelStudy.DriftEstimate e = study.driftEstimate(h, rate, STATE, t, eta, rows, mutation);
            double chi = 0;
            for (int j = 0; j < STATE.length; j++) {
                double z = (e.mean()[j] - e.top()[j]) / e.meanSe()[j];
                chi += z * z;
            }
            String at = String.format(Locale.ROOT, "t = %.3f", t);
            checks.add(new Check(at, "chi-square of (mean v - s^K(x)) / s.e.", chi, Double.NaN, Double.NaN, "a test statistic (no interval)", String.format(Locale.ROOT, "<= %.2f", chiLimit),
                    Judgement.of(chi <= chiLimit, String.format(Locale.ROOT, "chi-square %.2f on %d coordinates, %.1f%% quantile %.2f", chi, STATE.length,
                            100 * UNBIASED_QUANTILE, chiLimit))));
            checks.add(new Check(at, "total variance of v", e.variance(), e.variance() - 1.96 * e.varianceSe(), e.variance() + 1.96 * e.varianceSe(),
                    MultilevelCostClaim.sci(e.predicted()), Judgement.ofAgreement(e.predicted(), e.variance(), e.varianceSe(), zLimit)));
            StringBuilder p = new StringBuilder();
            for (double pk : e.probabilities()) {
                p.append(p.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", pk));
            }
            estimator.row(String.format(Locale.ROOT, "%.3f", t), p, String.format(Locale.ROOT, "%.2f", chi), MultilevelCostClaim.sci(e.variance()),
                    MultilevelCostClaim.sci(e.varianceSe()), MultilevelCostClaim.sci(e.predicted()));
            ts[i] = t;
            ratio[i] = e.variance() / e.predicted();
            bars[i] = 1.96 * e.varianceSe() / e.predicted();
        }
        double[] one = new double[times.length];
        Arrays.fill(one, 1);
        Chart chart = Chart.of(id + ": drift-estimate variance, measured / predicted", "t",
                        "measured / predicted total variance of v", false, false)
                .line("measured over gates (95% bars)", ts, ratio, bars, Chart.Style.MEASURED)
                .theory("theory: 1", ts, one)
                .build();
        return new ClaimResult(this, checks, List.of(exact.build(), estimator.build()), chart, (System.nanoTime() - start) * 1e-9);
    }
}
