package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.exact.ExactEvaluator;
import org.difflab.theory.exact.ExactLaw;
import org.difflab.theory.exact.Init;
import org.difflab.theory.exact.SelectionMoments;
import org.difflab.theory.metric.DiagonalGaussian;
import org.difflab.theory.metric.Wasserstein2;

/**
 * The Poisson midpoint method's block layout over data scale (Kandasamy and Nagaraj 2024; review pmm_fulltext.md 6-7:
 * the diffusion recipe's layout is [R]): for 1-D data N(0, s^2) with exact scores on the linear DDPM-1000 schedule,
 * the exact W2 to the data law of PMM with M blocks laid out as power grids (p = 1 uniform, p = 2 quadratic, finer near
 * the data; the selections' expectation computed exactly by {@link SelectionMoments}) beside DDPM-1000's, one row per
 * scale, so a user sees which layout to choose. The checks state the review's finding as two exact comparisons: at the
 * smallest scale quadratic blocks beat uniform ones (the last uniform block is stiff), at scale 1 uniform blocks are at
 * least as close as quadratic ones (quadratic blocks are coarse at large t and overshoot there).
 *
 * @param id     short stable id
 * @param scales data standard deviations s, decreasing, the first 1 or more, the last below 0.5
 * @param blocks M, the number of coarse blocks (about 2M model calls)
 * @param powers the layouts' powers p of the grid {@code power:p}, 1 and 2 among them
 * @param pmm    the PMM spec ({@code poissonMidpoint})
 * @param swapped a claim mutant: the layouts' roles swapped (uniform claimed better at small scale, quadratic at scale 1)
 */
public record PmmLayoutClaim(String id, double[] scales, int blocks, double[] powers, String pmm, boolean swapped) implements ClaimFamilies.PoissonMidpoint {
    private static final String SCHEDULE = "linear:T=1000";

    public PmmLayoutClaim {
        Claim.requireId(id);
        if (scales == null || scales.length < 2 || !(scales[0] >= 1) || !(scales[scales.length - 1] < 0.5) || blocks < 2 || powers == null
                || java.util.Arrays.stream(powers).noneMatch(p -> p == 1) || java.util.Arrays.stream(powers).noneMatch(p -> p == 2)) {
            throw new IllegalArgumentException("scales = " + java.util.Arrays.toString(scales) + ", blocks = " + blocks + ", powers = "
                    + java.util.Arrays.toString(powers) + " are not allowed for claim " + id + ": scales from >= 1 down to < 0.5, blocks >= 2, "
                    + "powers including 1 and 2");
        }
        scales = scales.clone();
        powers = powers.clone();
        Integrators.parse(pmm);
    }

    /** The claim mutant: the same measurement on the given scales and powers, judged with the layouts' roles swapped. */
    public PmmLayoutClaim swappedOn(double[] newScales, double[] newPowers) {
        return new PmmLayoutClaim(id, newScales, blocks, newPowers, pmm, true);
    }

    @Override
    public Provenance provenance() {
        return Provenance.reconstruction(ClaimFamilies.POISSON_MIDPOINT_PAPER, "the diffusion recipe's block layout [R]; review pmm_fulltext.md 6-7: "
                + "uniform blocks blow up at small data scale, quadratic ones overshoot at scale 1").differs("1-D Gaussians N(0, s^2) with "
                + "exact scores, exact W2 to the data instead of FID").basis("review pmm_fulltext.md 6-7; research note poisson_midpoint.md 3.1");
    }

    @Override
    public String statement() {
        return "No one block layout fits every data scale: quadratic blocks are needed at small scale, uniform ones are better at scale 1";
    }

    @Override
    public String rule() {
        return "exact W2 of each output law to the data law (the selections' expectation exact, no interval): HOLDS when quadratic blocks are "
                + "closer than uniform ones at the smallest scale and uniform ones at least as close at the largest; VIOLATED otherwise";
    }

    @Override
    public String expectation() {
        return "W2(quadratic) < W2(uniform) at s = " + scales[scales.length - 1] + "; W2(uniform) <= W2(quadratic) at s = " + scales[0];
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "target gaussian:d=1,mean=0,var=s^2 for s in %s, schedule %s, init prior; poissonMidpoint on "
                + "power:p grids of %d blocks for p in %s (%s); ddpm:variance=small with 1000 steps as the reference", java.util.Arrays.toString(scales),
                SCHEDULE, blocks, java.util.Arrays.toString(powers), pmm);
    }

    @Override
    public String note() {
        return "A table for choosing the layout; the checks only pin the two ends. W2 = sqrt((m - m')^2 + (s - s')^2) in 1-D.";
    }

    @Override
    public List<String> integrators() {
        return List.of(pmm, "ddpm:variance=small");
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        NoiseSchedule schedule = Schedules.parse(SCHEDULE);
        List<String> columns = new ArrayList<>(List.of("data scale s", "DDPM-1000 W2"));
        for (double p : powers) {
            columns.add("PMM power:p=" + OrderChart.number(p) + " W2");
        }
        columns.add("closest PMM layout");
        Table.Builder t = Table.of("exact W2 to the data law, PMM with " + blocks + " blocks (about " + 2 * blocks + " NFE)",
                columns.toArray(String[]::new));
        double[][] w2 = new double[scales.length][powers.length];
        for (int i = 0; i < scales.length; i++) {
            Gaussian data = (Gaussian) Targets.parse(String.format(Locale.ROOT, "gaussian:d=1,mean=0,var=%s", scales[i] * scales[i]));
            List<Object> row = new ArrayList<>(List.of(scales[i], sci(ddpmW2(data, schedule))));
            int best = 0;
            for (int k = 0; k < powers.length; k++) {
                TimeGrid grid = Grids.parse(String.format(Locale.ROOT, "power:p=%s", powers[k]), blocks).on(schedule);
                Integrator sampler = Integrators.parse(pmm);
                DiagonalGaussian law = SelectionMoments.of(sampler, data, grid, Init.PRIOR);
                w2[i][k] = Math.sqrt(Wasserstein2.squared(law, dataLaw(data)));
                row.add(sci(w2[i][k]));
                best = w2[i][k] < w2[i][best] ? k : best;
            }
            row.add("power:p=" + OrderChart.number(powers[best]));
            t.row(row.toArray());
        }
        int uniform = index(swapped ? 2 : 1);
        int quadratic = index(swapped ? 1 : 2);
        int last = scales.length - 1;
        String u = "power:p=" + OrderChart.number(powers[uniform]);
        String q = "power:p=" + OrderChart.number(powers[quadratic]);
        List<Check> checks = List.of(
                new Check("s = " + scales[last], "W2 " + u + " - W2 " + q, w2[last][uniform] - w2[last][quadratic], Double.NaN, Double.NaN,
                        "exact", "> 0", Judgement.of(w2[last][quadratic] < w2[last][uniform], String.format(Locale.ROOT,
                        "W2 %.3e with %s against %.3e with %s", w2[last][quadratic], q, w2[last][uniform], u))),
                new Check("s = " + scales[0], "W2 " + q + " - W2 " + u, w2[0][quadratic] - w2[0][uniform], Double.NaN, Double.NaN, "exact",
                        ">= 0", Judgement.of(w2[0][uniform] <= w2[0][quadratic], String.format(Locale.ROOT,
                        "W2 %.3e with %s against %.3e with %s", w2[0][uniform], u, w2[0][quadratic], q))));
        Chart.Builder chart = Chart.of(id + ": W2 to the data against data scale", "data scale s", "W2", true, true);
        for (int k = 0; k < powers.length; k++) {
            int kk = k;
            chart.measured("PMM power:p=" + OrderChart.number(powers[k]), scales.clone(),
                    java.util.Arrays.stream(w2).mapToDouble(r -> r[kk]).toArray());
        }
        return new ClaimResult(this, checks, List.of(t.build()), chart.build(), (System.nanoTime() - start) * 1e-9);
    }

    private int index(double p) {
        for (int k = 0; k < powers.length; k++) {
            if (powers[k] == p) {
                return k;
            }
        }
        throw new IllegalStateException("power " + p + " missing");
    }

    private static DiagonalGaussian dataLaw(Gaussian data) {
        return new DiagonalGaussian(data.mean().clone(), new double[] {data.covariance()[0][0]});
    }

    private static double ddpmW2(Gaussian data, NoiseSchedule schedule) {
        ExactLaw law = ExactEvaluator.of(Integrators.parse("ddpm:variance=small")).target(data).grid(Grids.parse("uniform", 1000).on(schedule))
                .init(Init.PRIOR).evaluate();
        return Math.sqrt(Wasserstein2.squared(law.momentMatched(), dataLaw(data)));
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.3e", v);
    }
}
