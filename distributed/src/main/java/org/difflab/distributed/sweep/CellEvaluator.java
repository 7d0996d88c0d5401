package org.difflab.distributed.sweep;

import ai.djl.ndarray.types.DataType;
import org.difflab.distributed.job.TaskBody;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.GridSpec;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.complexity.ComplexityResult;
import org.difflab.theory.complexity.ComplexityStudy;
import org.difflab.theory.exact.ExactEvaluator;
import org.difflab.theory.exact.ExactLaw;
import org.difflab.theory.exact.Init;
import org.difflab.theory.metric.MetricValue;
import org.difflab.theory.metric.Metrics;
import org.difflab.theory.montecarlo.Estimate;

/**
 * Evaluates one cell on an executor with theory-checks' own machinery, so that a sweep's numbers are those of a local
 * study: an exact cell is {@link ExactEvaluator} and the metric exactly as {@code Convergence} and {@code difflab
 * converge} run them; a smallest-steps cell is a {@link ComplexityStudy} of one (integrator, d, eps); a Monte Carlo cell
 * draws n samples in float64 with the per-sample noise of its seed and compares them with n exact target samples drawn
 * with the complement of the seed ({@code ~seed}, a stream of its own). Every cell is a pure function of its spec.
 */
public final class CellEvaluator implements TaskBody<Cell, Measurement> {
    /** Two-sided 95% normal quantile, for Monte Carlo intervals. */
    private static final double Z95 = 1.959963984540054;

    @Override
    public Measurement run(Cell c) {
        Integrator integrator = Integrators.parse(c.integrator());
        NoiseSchedule schedule = Schedules.parse(c.setup().schedule());
        return switch (c.kind()) {
            case EXACT -> exact(c, integrator, schedule);
            case SMALLEST_STEPS -> smallestSteps(c, integrator, schedule);
            case MONTE_CARLO -> monteCarlo(c, integrator, schedule);
        };
    }

    private static Measurement exact(Cell c, Integrator integrator, NoiseSchedule schedule) {
        ExactLaw law = ExactEvaluator.of(integrator).target(gaussian(c.target())).grid(exactGrid(c.setup(), c.steps()).on(schedule))
                .init(init(c.setup())).evaluate();
        MetricValue v = law.metric(Metrics.byName(c.metric()));
        return new Measurement(v.value(), v.lower(), v.upper(), v.standardError(), law.nfe(), c.steps(), false, false, true, 1);
    }

    private static Measurement smallestSteps(Cell c, Integrator integrator, NoiseSchedule schedule) {
        SweepSetup s = c.setup();
        ComplexityResult r = ComplexityStudy.of(integrator).dims(c.dim()).eps(c.eps())
                .target(d -> gaussian(TargetSpecs.withDim(c.target(), d))).schedule(t -> schedule).grid(t -> exactGrid(s, t))
                .metric(Metrics.byName(c.metric())).init(init(s)).minSteps(s.minSteps()).maxSteps(s.maxSteps()).run();
        ComplexityResult.Cell found = r.of(integrator.spec()).cells().get(0);
        long nfe = integrator.nfe(exactGrid(s, found.steps()).on(schedule));
        return new Measurement(found.error(), found.error(), found.error(), 0, nfe, found.steps(), found.censored(), found.atMinSteps(),
                found.monotone(), found.evaluations());
    }

    private static Measurement monteCarlo(Cell c, Integrator integrator, NoiseSchedule schedule) {
        Target target = Targets.parse(c.target());
        double[][] rows;
        long nfe;
        try (Samples s = Diffusion.sampler().schedule(schedule).target(target).integrator(integrator)
                .grid(Grids.parse(c.setup().grid(), c.steps())).seed(c.seed()).dataType(DataType.FLOAT64).sample(c.samples())) {
            rows = s.rows();
            nfe = s.nfe();
        }
        Estimate e = SweepMetrics.monteCarlo(c.metric()).toTarget(rows, target, ~c.seed());
        double half = Z95 * e.standardError();
        return new Measurement(e.value(), e.value() - half, e.value() + half, e.standardError(), nfe, c.steps(), false, false, true, 0);
    }

    /** The grid rule of an exact evaluation at T steps: ending at tMin for reference x1, as {@code difflab converge} builds it. */
    static GridSpec exactGrid(SweepSetup s, int steps) {
        GridSpec g = Grids.parse(s.grid(), steps);
        return s.reference().equals("x1") ? g.endingAtTMin() : g;
    }

    private static Init init(SweepSetup s) {
        return s.init().equals("prior") ? Init.PRIOR : Init.EXACT;
    }

    private static Gaussian gaussian(String spec) {
        if (!(Targets.parse(spec) instanceof Gaussian g)) {
            throw new IllegalArgumentException("target = " + spec + " is not allowed: exact evaluation needs a Gaussian target");
        }
        return g;
    }
}
