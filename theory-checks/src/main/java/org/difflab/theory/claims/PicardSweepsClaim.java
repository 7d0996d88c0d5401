package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.integrator.Mutant;
import org.difflab.dsl.parallel.PicardBlocks;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.parallel.ParallelRun;

/**
 * PIADM's Picard sweeps (Chen, Ren, Ying and Rotskoff 2024, arXiv 2405.15986; research note mlem_parallel.md B.3 and
 * B.7): iterate k of a block is the exponential integrator on the block's first k + 1 points, so K &gt;= M sweeps give
 * the sequential exponential integrator exactly (here bit for bit: the recurrence repeats its operations and the
 * exact score is evaluated row by row), and with a Lipschitz score the sup-error contracts like (C L h)^k / k!, at
 * least geometrically. Measured: the largest coordinate gap between picardBlocks with K sweeps and exponentialEuler
 * from the same prior draws and noise, for K = 1..M, on the reverse SDE and the probability-flow ODE. Checks: the gap
 * at K = M is 0; the per-sweep factor exp(slope of log gap on K) over the contracting sweeps (from {@code fromSweep}
 * to M - 1) has its 95% CI below 1.
 *
 * @param id        short stable id
 * @param points    M, steps per block
 * @param steps     grid steps (N = steps / M blocks)
 * @param samples   rows
 * @param fromSweep first sweep of the fit (the first sweeps may overshoot where the score is stiff)
 * @param mutation  a defect the Picard runs get ({@code noise=0.01}, as after '@' in a spec; empty: none), for negative controls
 */
public record PicardSweepsClaim(String id, int points, int steps, int samples, int fromSweep, String mutation) implements ClaimFamilies.Parallel {
    static final Target TARGET = Targets.ring(4, 2, 0.1);

    public PicardSweepsClaim {
        Claim.requireId(id);
        if (points < 4 || steps < points || samples < 1 || fromSweep < 1 || fromSweep > points - 3) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "points = %d, steps = %d, samples = %d, fromSweep = %d are not allowed "
                    + "for claim %s: points >= 4, steps >= points, samples >= 1, 1 <= fromSweep <= points - 3 (3 sweeps to fit)", points, steps,
                    samples, fromSweep, id));
        }
        mutation = Claim.orEmpty(mutation);
    }

    /** The claim without a mutation. */
    public PicardSweepsClaim(String id, int points, int steps, int samples, int fromSweep) {
        this(id, points, steps, samples, fromSweep, "");
    }

    /** This claim with its Picard runs broken ({@code noise=0.01} etc.), for a negative control. */
    public PicardSweepsClaim mutated(String defect) {
        return new PicardSweepsClaim(id, points, steps, samples, fromSweep, defect);
    }

    @Override
    public Provenance provenance() {
        return Provenance.consistency("Chen, Ren, Ying and Rotskoff (2024), PIADM, arXiv 2405.15986", "Figure 1: Picard iterations "
                + "parallelised within each block; a Picard scheme of this form is the sequential exponential integrator after as many sweeps "
                + "as the block has points, and contracts before that")
                .differs("DiffLab's Picard blocks, reconstructed from the paper's captions (the update, initialisation and noise reuse are "
                        + "[R]); blocks of a fixed number of grid points instead of O(1) diffusion time")
                .basis("research note mlem_parallel.md B.3 and B.7; review mlem_piadm_fulltext.md 8.2");
    }

    @Override
    public String rule() {
        return "the largest coordinate gap to the sequential exponential integrator from the same draws: exactly 0 at K = M (bit for bit), "
                + "else VIOLATED; the per-sweep factor exp(OLS slope of log gap on K) over the contracting sweeps HOLDS when its 95% CI "
                + "lies below 1, VIOLATED otherwise";
    }

    @Override
    public String statement() {
        return "Picard sweeps inside a block reproduce the sequential exponential integrator after M sweeps, and the error falls at least "
                + "geometrically with the sweeps";
    }

    @Override
    public String expectation() {
        return String.format(Locale.ROOT, "gap 0 at K = M; per-sweep factor of the gap over sweeps %d..%d: 95%% CI below 1", fromSweep, points - 1);
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "target %s, schedule ddpm (linear beta 1e-4..0.02, 1000 training steps), uniform grid of %d steps, float64, %d samples, seed 1; picardBlocks:points=%d,"
                + "sweeps=K (K = 1..%d) against exponentialEuler, lambda = 1 (SDE) and 0 (ODE)%s", TARGET.spec(), steps, samples, points, points,
                mutation.isEmpty() ? "" : "; Picard runs broken: @" + mutation);
    }

    @Override
    public String note() {
        return "The gap is the largest over samples, coordinates and blocks; the last blocks, near t = 0, where the score of a narrow "
                + "mixture is stiff, dominate it and make the first sweeps overshoot: PIADM shrinks the steps there (note B.2), a uniform grid "
                + "does not.";
    }

    @Override
    public List<String> integrators() {
        return List.of("picardBlocks", "exponentialEuler");
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        List<Check> checks = new ArrayList<>();
        Table.Builder t = Table.of("largest gap to exponentialEuler against the sweeps per block", "lambda", "sweeps K", "rounds", "evaluations",
                "largest gap");
        Chart.Builder chart = Chart.of(id + ": gap to the sequential exponential integrator", "sweeps per block K", "largest coordinate gap", false, true);
        for (int lambda : new int[] {1, 0}) {
            ParallelRun sequential = ParallelRun.of(TARGET, Integrators.parse("exponentialEuler:lambda=" + lambda), steps, samples, 1);
            double[] k = new double[points];
            double[] gap = new double[points];
            for (int sweeps = 1; sweeps <= points; sweeps++) {
                Integrator blocks = new PicardBlocks(points, sweeps, 0, lambda);
                ParallelRun picard = ParallelRun.of(TARGET, mutation.isEmpty() ? blocks : Mutant.parse(blocks, mutation), steps, samples, 1);
                k[sweeps - 1] = sweeps;
                gap[sweeps - 1] = picard.maxGap(sequential);
                t.row(lambda, sweeps, picard.rounds(), String.format(Locale.ROOT, "%.0f", picard.evaluations()), String.format(Locale.ROOT, "%.3e", gap[sweeps - 1]));
            }
            String subject = "picardBlocks:points=" + points + ",lambda=" + lambda;
            double last = gap[points - 1];
            checks.add(new Check(subject, "largest gap at K = M", last, Double.NaN, Double.NaN, "exact (same draws)", "0 (bit for bit)",
                    Judgement.of(last == 0, String.format(Locale.ROOT, "largest gap %.3e at K = %d", last, points))));
            SimpleRegression r = new SimpleRegression();
            for (int i = fromSweep - 1; i < points - 1; i++) {
                r.addData(k[i], Math.log(gap[i]));
            }
            double half = r.getSlopeConfidenceInterval(0.05);
            double factor = Math.exp(r.getSlope());
            double upper = Math.exp(r.getSlope() + half);
            checks.add(new Check(subject, "gap factor per sweep", factor, Math.exp(r.getSlope() - half), upper, "95% CI of the OLS slope", "< 1",
                    Judgement.of(upper < 1, String.format(Locale.ROOT, "factor %.3f per sweep, 95%% CI upper end %.3f over sweeps %d..%d", factor, upper,
                            fromSweep, points - 1))));
            double[] shownK = java.util.Arrays.copyOf(k, points - 1);
            chart.measured("lambda = " + lambda, shownK, java.util.Arrays.copyOf(gap, points - 1));
        }
        return new ClaimResult(this, checks, List.of(t.build()), chart.build(), (System.nanoTime() - start) * 1e-9);
    }
}
