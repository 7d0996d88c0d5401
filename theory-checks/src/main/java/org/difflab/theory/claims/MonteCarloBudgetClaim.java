package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.montecarlo.Mmd;
import org.difflab.theory.montecarlo.Estimate;
import org.difflab.theory.montecarlo.TargetSamples;

/**
 * A budget claim for targets without exact evaluation (e.g. a 2-D Gaussian mixture; on Gaussians
 * {@link PmmDistanceClaim} judges exactly): every run draws {@code samples} samples with the real sampler (exact scores), and the judged number is its
 * squared maximum mean discrepancy to exact target samples (Gretton et al. 2012; unbiased U-statistic, bootstrap
 * standard error) minus the reference run's.
 * A CLOSE contender must not be worse than the reference by more than 3 combined standard errors; a FAR one must be
 * worse by more than that (INCONCLUSIVE when it is not: the sample size cannot tell, which does not refute it).
 *
 * @param id        short stable id
 * @param family    the report section
 * @param provenance the paper, the place in it and the kind of claim
 * @param statement what the theory states
 * @param target    target spec, e.g. {@code gmm:preset=ring8}
 * @param schedule  schedule spec
 * @param reference the reference run
 * @param contenders the runs judged against it
 * @param bandwidth Gaussian-kernel bandwidth of the MMD, about the scale of the mixture's components (the median
 *                  heuristic would pick the scale between components and miss a wrong spread within them)
 * @param samples   samples per run (the MMD subsamples to at most {@code CAP})
 * @param seed      seed of the samplers, the target samples and the bootstrap
 * @param note      what a reader should know (may be empty)
 */
public record MonteCarloBudgetClaim(String id, String family, Provenance provenance, String statement, String target, String schedule,
                                    BudgetRun reference, List<BudgetRun> contenders, double bandwidth, int samples, long seed,
                                    String note) implements Claim {
    private static final int CAP = 3000;
    private static final double Z = 3;

    public MonteCarloBudgetClaim {
        Claim.requireId(id);
        if (reference == null || contenders == null || contenders.isEmpty() || provenance == null) {
            throw new IllegalArgumentException("reference = " + reference + ", contenders = " + contenders + " are not allowed for claim "
                    + id + ": give a reference and at least 1 contender");
        }
        if (!(bandwidth > 0) || !Double.isFinite(bandwidth)) {
            throw new IllegalArgumentException("bandwidth = " + bandwidth + " is not allowed for claim " + id + ": must be finite and > 0");
        }
        if (samples < 100) {
            throw new IllegalArgumentException("samples = " + samples + " is not allowed for claim " + id + ": must be >= 100");
        }
        contenders = List.copyOf(contenders);
        note = Claim.orEmpty(note);
    }

    @Override
    public List<String> integrators() {
        return BudgetRun.integrators(reference, contenders);
    }

    @Override
    public String rule() {
        return MonteCarloComparison.RULE;
    }

    /** This claim with other contenders (e.g. a mutant, for a control). */
    public MonteCarloBudgetClaim withContenders(List<BudgetRun> runs) {
        return new MonteCarloBudgetClaim(id, family, provenance, statement, target, schedule, reference, runs, bandwidth, samples, seed, note);
    }

    @Override
    public String expectation() {
        return MonteCarloComparison.expectation("MMD^2 to the target", String.format(Locale.ROOT, "within %.0f combined standard errors", Z));
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "target %s, schedule %s, reference %s, %d samples per run (MMD^2 on at most %d), "
                + "kernel bandwidth %s, seed %d", target, schedule, reference.label(), samples, CAP, bandwidth, seed);
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        Target t = Targets.parse(target);
        NoiseSchedule s = Schedules.parse(schedule);
        double[][] truth = TargetSamples.draw(t, samples, seed + 1);
        Mmd mmd = new Mmd(bandwidth, CAP, 100, seed + 2);
        Measured ref = measure(t, s, reference, truth, mmd);
        Table.Builder table = Table.of("MMD^2 to exact target samples", "sampler", "grid", "NFE", "MMD^2", "s.e.",
                "minus reference", "combined s.e.");
        table.row(reference.integrator(), reference.grid() + "(" + reference.steps() + ")", ref.nfe, sci(ref.distance.value()),
                sci(ref.distance.standardError()), "", "");
        List<Check> checks = new ArrayList<>();
        List<double[]> points = new ArrayList<>();
        for (BudgetRun c : contenders) {
            Measured m = measure(t, s, c, truth, mmd);
            Check check = MonteCarloComparison.judge(c.label(), "MMD^2 - reference's", c.expect(), m.distance, ref.distance, Z);
            double se = Math.hypot(m.distance.standardError(), ref.distance.standardError());
            table.row(c.integrator(), c.grid() + "(" + c.steps() + ")", m.nfe, sci(m.distance.value()), sci(m.distance.standardError()),
                    sci(check.value()), sci(se));
            checks.add(check);
            points.add(new double[] {m.nfe, m.distance.value(), 1.96 * m.distance.standardError()});
        }
        Chart chart = MonteCarloComparison.chart(id + ": MMD^2 to the target", "MMD^2", reference, ref.distance.value(), ref.nfe, contenders,
                points);
        return new ClaimResult(this, checks, List.of(table.build()), chart, (System.nanoTime() - start) * 1e-9);
    }

    private record Measured(Estimate distance, long nfe) {}

    private Measured measure(Target t, NoiseSchedule s, BudgetRun run, double[][] truth, Mmd mmd) {
        try (Samples x = Diffusion.sampler().schedule(s).target(t).integrator(Integrators.parse(run.integrator()))
                .grid(org.difflab.dsl.grid.Grids.parse(run.grid(), run.steps())).seed(seed).sample(samples)) {
            return new Measured(mmd.between(x.rows(), truth), x.nfe());
        }
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
