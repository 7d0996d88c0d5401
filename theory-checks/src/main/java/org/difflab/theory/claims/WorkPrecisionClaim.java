package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.difflab.dsl.control.EmbeddedPair;
import org.difflab.dsl.control.StepController;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.convergence.WorkPrecision;

/**
 * A claim that adaptive step sizes save work at equal accuracy: on a Gaussian target whose probability-flow paths are
 * known exactly, an embedded pair under a {@link StepController} reaches the error of each of its tolerances with at
 * most {@code maxRatio} times the model evaluations a fixed-step sampler needs on grids of the given rule (its NFE at
 * that error interpolated log-log between the fixed runs, {@link WorkPrecision#nfeAt}). Per-path errors, exact ends:
 * no sampling noise in the errors (the paths are seeded).
 *
 * @param id         short stable id
 * @param family     the report section
 * @param provenance the paper, the place in it and the kind of claim
 * @param statement  what is claimed
 * @param target     spec of the Gaussian target
 * @param pair       the adaptive method
 * @param fixed      spec of the fixed-step integrator it is compared with
 * @param grid       spec of the fixed grids' rule (its first step also starts the adaptive runs)
 * @param steps      step counts of the fixed runs
 * @param rtols      relative tolerances of the adaptive runs (atol = rtol / 10)
 * @param paths      seeded paths per run
 * @param maxRatio   the largest NFE ratio (adaptive / fixed at equal error) that supports the claim
 * @param note       what a reader should know (may be empty)
 */
public record WorkPrecisionClaim(String id, String family, Provenance provenance, String statement, String target, EmbeddedPair pair,
                                 String fixed, String grid, int[] steps, double[] rtols, int paths, double maxRatio, String note)
        implements Claim {
    private static final int FIRST_STEP_GRID = 10;

    public WorkPrecisionClaim {
        Claim.requireId(id);
        if (steps.length < 2 || rtols.length < 1 || !(maxRatio > 0)) {
            throw new IllegalArgumentException("steps has " + steps.length + " and rtols " + rtols.length + " entries, maxRatio = " + maxRatio
                    + ": not allowed for claim " + id + ": at least 2 step counts, 1 tolerance and maxRatio > 0");
        }
        steps = steps.clone();
        rtols = rtols.clone();
        note = Claim.orEmpty(note);
    }

    /** This claim with another adaptive method (a control). */
    public WorkPrecisionClaim withPair(EmbeddedPair other) {
        return new WorkPrecisionClaim(id, family, provenance, statement, target, other, fixed, grid, steps, rtols, paths, maxRatio, note);
    }

    @Override
    public List<String> integrators() {
        return List.of(fixed);
    }

    @Override
    public String rule() {
        return "for each tolerance, the adaptive run's mean NFE per path divided by the NFE the fixed grids need for the same per-path "
                + "error (log-log interpolation between the two bracketing fixed runs, extrapolation along the nearest two outside them); "
                + "exact errors, no interval; HOLDS when the ratio is at most the claimed one at every tolerance, VIOLATED otherwise";
    }

    @Override
    public String expectation() {
        return String.format(Locale.ROOT, "adaptive %s NFE / %s NFE at equal error <= %s at every tolerance", pair.name(), fixed,
                OrderChart.number(maxRatio));
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "target %s, schedule edm, float64, %d seeded paths from the prior; fixed: %s on %s grids of %s steps "
                + "ending at sigma_min; adaptive: pair %s, pi controller at rtol %s (atol = rtol/10), first step that of a %d-step %s grid; "
                + "error: mean distance of a path's end at sigma_min to the exact flow map's", target, paths, fixed, grid,
                java.util.Arrays.toString(steps), pair.name(), java.util.Arrays.toString(rtols), FIRST_STEP_GRID, grid);
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        WorkPrecision wp = new WorkPrecision((Gaussian) Targets.parse(target), Schedules.edm(), paths, 1);
        List<WorkPrecision.Point> fixedRuns = wp.fixed(Integrators.parse(fixed), Grids.parse(grid, FIRST_STEP_GRID), steps);
        List<StepController> controllers = new ArrayList<>();
        for (double rtol : rtols) {
            controllers.add(StepController.pi(rtol, rtol / 10));
        }
        List<WorkPrecision.Point> adaptiveRuns = wp.adaptive(pair, Grids.parse(grid, FIRST_STEP_GRID), controllers);
        Table.Builder f = Table.of("fixed grids: error against NFE", "run", "NFE", "error");
        fixedRuns.forEach(p -> f.row(p.label(), String.format(Locale.ROOT, "%.0f", p.nfe()), String.format(Locale.ROOT, "%.4e", p.error())));
        Table.Builder a = Table.of("adaptive runs: error against NFE, and the fixed grids' NFE at the same error", "run", "NFE per path",
                "accepted per path", "rejected per path", "error", "fixed NFE at that error", "ratio");
        List<Check> checks = new ArrayList<>();
        for (WorkPrecision.Point p : adaptiveRuns) {
            double equal = WorkPrecision.nfeAt(fixedRuns, p.error());
            double ratio = p.nfe() / equal;
            a.row(p.label(), String.format(Locale.ROOT, "%.1f", p.nfe()), String.format(Locale.ROOT, "%.1f", p.accepted()),
                    String.format(Locale.ROOT, "%.1f", p.rejected()), String.format(Locale.ROOT, "%.4e", p.error()),
                    String.format(Locale.ROOT, "%.1f", equal), String.format(Locale.ROOT, "%.3f", ratio));
            checks.add(new Check(p.label(), "NFE ratio at equal error", ratio, Double.NaN, Double.NaN, "<= " + OrderChart.number(maxRatio),
                    Judgement.of(ratio <= maxRatio, String.format(Locale.ROOT, "%.1f NFE against %.1f for %s at error %.3e: ratio %.3f %s %s",
                            p.nfe(), equal, fixed, p.error(), ratio, ratio <= maxRatio ? "<=" : ">", OrderChart.number(maxRatio)))));
        }
        Chart chart = Chart.of(id + ": work-precision on " + target, "model evaluations per path (NFE)", "mean per-path error at sigma_min",
                        true, true)
                .measured(fixed + " on " + grid + " grids", fixedRuns.stream().mapToDouble(WorkPrecision.Point::nfe).toArray(),
                        fixedRuns.stream().mapToDouble(WorkPrecision.Point::error).toArray())
                .measured("adaptive " + pair.name() + " (pi, rtol " + rtols[0] + " .. " + rtols[rtols.length - 1] + ")",
                        adaptiveRuns.stream().mapToDouble(WorkPrecision.Point::nfe).toArray(),
                        adaptiveRuns.stream().mapToDouble(WorkPrecision.Point::error).toArray())
                .build();
        return new ClaimResult(this, checks, List.of(a.build(), f.build()), chart, (System.nanoTime() - start) * 1e-9);
    }
}
