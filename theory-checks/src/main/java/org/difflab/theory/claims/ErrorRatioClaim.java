package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.theory.convergence.ConvergenceResult;

/**
 * A claim that one sampler's error constant is far below another's: on the same experiment, error(candidate) /
 * error(baseline) must be at most {@code maxRatio} at every step count (same T, so the same number of steps).
 *
 * @param id         short stable id
 * @param family     the report section
 * @param provenance the paper, the place in it and the kind of claim
 * @param statement  what the theory states
 * @param candidate  integrator spec claimed to be better
 * @param baseline   integrator spec it is compared with
 * @param experiment the setup, shared by both
 * @param maxRatio   the largest error ratio that still supports the claim, in (0, 1]
 * @param note       what a reader should know (may be empty)
 */
public record ErrorRatioClaim(String id, String family, Provenance provenance, String statement, String candidate, String baseline,
                              Experiment experiment, double maxRatio, String note) implements Claim {

    public ErrorRatioClaim {
        Claim.requireId(id);
        if (!(maxRatio > 0 && maxRatio <= 1)) {
            throw new IllegalArgumentException("maxRatio = " + maxRatio + " is not allowed for claim " + id + ": must be in (0, 1]");
        }
        if (candidate == null || baseline == null || experiment == null || provenance == null) {
            throw new IllegalArgumentException("candidate = " + candidate + ", baseline = " + baseline + ", experiment = " + experiment
                    + ", provenance = " + provenance + " are not allowed for claim " + id + ": none may be null");
        }
        note = Claim.orEmpty(note);
    }

    @Override
    public List<String> integrators() {
        return List.of(candidate, baseline);
    }

    @Override
    public String rule() {
        return "the ratio of the two samplers' exact errors at every step count (no uncertainty: exact evaluation); HOLDS when it is at "
                + "most the claimed ratio at every step count, VIOLATED when it is above at any";
    }

    /** This claim with another candidate (e.g. a mutant or a positive control). */
    public ErrorRatioClaim withCandidate(String spec) {
        return new ErrorRatioClaim(id, family, provenance, statement, spec, baseline, experiment, maxRatio, note);
    }

    @Override
    public String expectation() {
        return String.format(Locale.ROOT, "%s error / %s error <= %s at every step count (%s)", candidate, baseline,
                OrderChart.number(maxRatio), experiment.metric());
    }

    @Override
    public String setup() {
        return experiment.describe();
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        ConvergenceResult r = experiment.study(integrators()).run();
        ConvergenceResult.Series c = r.of(Integrators.parse(candidate).spec());
        ConvergenceResult.Series b = r.of(Integrators.parse(baseline).spec());
        Table.Builder t = Table.of("errors and their ratio", "steps", candidate, baseline, "ratio");
        List<Check> checks = new ArrayList<>();
        for (int i = 0; i < c.points().size(); i++) {
            ConvergenceResult.Point pc = c.points().get(i);
            double ratio = pc.error().value() / b.points().get(i).error().value();
            t.row(pc.steps(), String.format(Locale.ROOT, "%.4e", pc.error().value()),
                    String.format(Locale.ROOT, "%.4e", b.points().get(i).error().value()), String.format(Locale.ROOT, "%.4f", ratio));
            checks.add(new Check(c.integrator() + " vs " + b.integrator() + " at T = " + pc.steps(), "error ratio", ratio, Double.NaN,
                    Double.NaN, "<= " + OrderChart.number(maxRatio), Judgement.of(ratio <= maxRatio,
                    String.format(Locale.ROOT, "ratio %.4f %s %s (exact errors)", ratio, ratio <= maxRatio ? "<=" : ">",
                            OrderChart.number(maxRatio)))));
        }
        Chart chart = OrderChart.of(id + ": errors of both samplers", r, ConvergenceResult.Series::expectedOrder);
        return new ClaimResult(this, checks, List.of(t.build(), OrderChart.errorTable(c, experiment.metric()),
                OrderChart.errorTable(b, experiment.metric())), chart, (System.nanoTime() - start) * 1e-9);
    }
}
