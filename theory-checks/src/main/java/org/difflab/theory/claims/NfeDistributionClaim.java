package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Sampler;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;

/**
 * A claim about the random number of model evaluations of a Poisson-midpoint sampler: each coarse step of K fine
 * steps costs 1 evaluation plus one per selected sub-index i = 1..K-1, each selected with probability lambda/K, so the
 * extra calls are Binomial(K-1, lambda/K) and the mean is 1 + (K-1) lambda/K (2 - 1/K at lambda = 1;
 * poisson_midpoint.md section 2.3). Measured from the per-step evaluation counts of real runs (a step observer), over
 * {@code runs} seeds: the mean within 4 standard errors, and the histogram of extra calls by Pearson's chi-square test
 * (p-value above 0.001).
 *
 * @param id        short stable id
 * @param family    the report section
 * @param provenance the paper, the place in it and the kind of claim
 * @param statement what the theory states
 * @param integrator integrator spec (a Poisson-midpoint sampler with selection shared across the batch)
 * @param schedule  a discrete schedule spec; the fine steps of a coarse step are its training steps in between
 * @param grid      the coarse grid rule spec
 * @param steps     coarse steps
 * @param lambda    expected midpoints per coarse step
 * @param runs      runs (seeds 1..runs), one sample each
 * @param note      what a reader should know (may be empty)
 */
public record NfeDistributionClaim(String id, String family, Provenance provenance, String statement, String integrator, String schedule,
                                   String grid, int steps, double lambda, int runs, String note) implements Claim {
    private static final int LAST_BIN = 5;

    public NfeDistributionClaim {
        Claim.requireId(id);
        if (runs < 10) {
            throw new IllegalArgumentException("runs = " + runs + " is not allowed for claim " + id + ": must be >= 10");
        }
        note = Claim.orEmpty(note);
    }

    @Override
    public List<String> integrators() {
        return List.of(integrator);
    }

    @Override
    public String rule() {
        return "Monte Carlo over seeds: the mean evaluations per coarse step HOLDS within 4 standard errors of the theory's mean "
                + "(VIOLATED beyond); the histogram of extra calls HOLDS when Pearson's chi-square p-value against the binomial law is "
                + "above 0.001 (VIOLATED below)";
    }

    /** This claim run on another integrator spec (e.g. a mutant) or fewer runs, judged against the same lambda. */
    public NfeDistributionClaim withIntegrator(String spec, int fewerRuns) {
        return new NfeDistributionClaim(id, family, provenance, statement, spec, schedule, grid, steps, lambda, fewerRuns, note);
    }

    @Override
    public String expectation() {
        return "extra calls per coarse step ~ Binomial(K-1, lambda/K): mean NFE per step 1 + (K-1) lambda/K within 4 s.e., "
                + "chi-square p-value > 0.001";
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "%s on %s, grid %s with %d steps, %d runs of 1 sample (seeds 1..%d), target gaussian:d=1",
                integrator, schedule, grid, steps, runs, runs);
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        TimeGrid g = Grids.parse(grid, steps).on(Schedules.parse(schedule));
        long[] observed = new long[LAST_BIN + 1];
        double[] expected = new double[LAST_BIN + 1];
        double sum = 0;
        double sumSq = 0;
        double theoryMean = 0;
        long blocks = 0;
        for (int run = 1; run <= runs; run++) {
            long[] last = {0};
            List<Long> perStep = new ArrayList<>();
            Sampler s = Diffusion.sampler().schedule(Schedules.parse(schedule)).target(Targets.parse("gaussian:d=1,mean=0,var=1"))
                    .integrator(Integrators.parse(integrator)).grid(Grids.parse(grid, steps)).seed(run)
                    .observer(e -> {
                        perStep.add(e.nfe() - last[0]);
                        last[0] = e.nfe();
                    });
            try (Samples ignored = s.sample(1)) {
                for (int i = 0; i < perStep.size(); i++) {
                    int k = (int) Math.round(g.t(i) - g.t(i + 1));
                    long extra = perStep.get(i) - 1;
                    observed[(int) Math.min(extra, LAST_BIN)]++;
                    sum += perStep.get(i);
                    sumSq += perStep.get(i) * perStep.get(i);
                    blocks++;
                    if (k <= 1) {
                        expected[0] += 1;
                        theoryMean += 1;
                        continue;
                    }
                    BinomialDistribution b = new BinomialDistribution(null, k - 1, Math.min(1, lambda / k));
                    for (int j = 0; j < LAST_BIN; j++) {
                        expected[j] += b.probability(j);
                    }
                    expected[LAST_BIN] += 1 - b.cumulativeProbability(LAST_BIN - 1);
                    theoryMean += 1 + (k - 1) * Math.min(1, lambda / k);
                }
            }
        }
        double mean = sum / blocks;
        double se = Math.sqrt((sumSq / blocks - mean * mean) / (blocks - 1));
        theoryMean /= blocks;
        double p = chiSquare(expected, observed);
        Table.Builder t = Table.of("extra model calls per coarse step over " + blocks + " steps", "extra calls", "observed", "expected");
        for (int j = 0; j <= LAST_BIN; j++) {
            t.row(j == LAST_BIN ? ">= " + j : Integer.toString(j), observed[j], String.format(Locale.ROOT, "%.1f", expected[j]));
        }
        List<Check> checks = List.of(
                new Check(integrator, "mean NFE per step", mean, mean - 1.96 * se, mean + 1.96 * se, "+-1.96 standard errors over the steps", String.format(Locale.ROOT, "%.4f",
                        theoryMean), Judgement.ofAgreement(theoryMean, mean, se, 4)),
                new Check(integrator, "chi-square p-value of extra calls", p, Double.NaN, Double.NaN, "a p-value (no interval)", "> 0.001", Judgement.of(p > 1e-3,
                        String.format(Locale.ROOT, "Pearson chi-square against Binomial(K-1, lambda/K) over %d steps: p = %.4f", blocks, p))));
        double[] x = new double[LAST_BIN + 1];
        double[] obs = new double[LAST_BIN + 1];
        for (int j = 0; j <= LAST_BIN; j++) {
            x[j] = j;
            obs[j] = observed[j];
        }
        Chart chart = Chart.of(id + ": extra model calls per coarse step", "extra calls (last bin: 5 or more)", "coarse steps", false, false)
                .theory("Binomial(K-1, lambda/K)", x, expected).measured("observed", x, obs).build();
        return new ClaimResult(this, checks, List.of(t.build()), chart, (System.nanoTime() - start) * 1e-9);
    }

    /** Pearson's chi-square p-value, bins with expected count below 5 merged into their left neighbour. */
    private static double chiSquare(double[] expected, long[] observed) {
        List<Double> e = new ArrayList<>();
        List<Long> o = new ArrayList<>();
        for (int j = 0; j < expected.length; j++) {
            if (expected[j] < 5 && !e.isEmpty()) {
                e.set(e.size() - 1, e.get(e.size() - 1) + expected[j]);
                o.set(o.size() - 1, o.get(o.size() - 1) + observed[j]);
            } else {
                e.add(expected[j]);
                o.add(observed[j]);
            }
        }
        return new ChiSquareTest().chiSquareTest(e.stream().mapToDouble(Double::doubleValue).toArray(),
                o.stream().mapToLong(Long::longValue).toArray());
    }
}
