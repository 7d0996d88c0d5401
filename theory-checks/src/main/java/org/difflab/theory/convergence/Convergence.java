package org.difflab.theory.convergence;

import static org.difflab.theory.exact.StudyArguments.atLeastOne;
import static org.difflab.theory.exact.StudyArguments.nonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.UnaryOperator;
import org.difflab.dsl.Require;
import org.difflab.dsl.grid.GridSpec;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.theory.exact.ExactEvaluator;
import org.difflab.theory.exact.ExactLaw;
import org.difflab.theory.exact.Init;
import org.difflab.theory.metric.Metric;
import org.difflab.theory.metric.Metrics;
import org.difflab.theory.metric.MetricValue;

/**
 * A convergence study: the error of each integrator at a series of step counts, and its empirical order fitted by
 * least squares on log error vs log step proxy ({@link OrderFit}), in the manner of DiffEqDevTools.jl's
 * {@code test_convergence}. Errors come from {@link ExactEvaluator} (no Monte Carlo noise), so slopes can be fitted
 * down to very small errors.
 *
 * <pre>{@code
 * ConvergenceResult r = Convergence.study(Integrators.ddim(), Integrators.heun())
 *     .target(Targets.gaussian(2, 1, 0.05)).schedule(Schedules.vp()).grid(Grids.logSnr(10))
 *     .steps(20, 40, 80, 160).metric(Metrics.w2()).exact().run();
 * }</pre>
 */
public final class Convergence {
    private final List<Integrator> integrators;
    private Gaussian target;
    private NoiseSchedule schedule = Schedules.ddpm();
    private GridSpec grid = Grids.uniform(10);
    private IntFunction<TimeGrid> grids;
    private int[] steps;
    private Metric metric = Metrics.w2();
    private Init init = Init.PRIOR;
    private StepProxy proxy = StepProxy.STEPS;
    private UnaryOperator<ScoreModel> model = UnaryOperator.identity();
    private int repetitions = 1;
    private boolean exact;

    private Convergence(List<Integrator> integrators) {
        this.integrators = integrators;
    }

    /** A study of these integrators (at least one). */
    public static Convergence study(Integrator... integrators) {
        return new Convergence(Require.nonEmpty("integrators", "integrator", integrators));
    }

    public Convergence target(Gaussian target) {
        this.target = nonNull("target", target);
        return this;
    }

    // these knobs are ExactEvaluator's, held here and handed to one evaluator per step count; alike its setters in form only
    /** The schedule (default linear:T=1000). */
    public Convergence schedule(NoiseSchedule schedule) {
        this.schedule = nonNull("schedule", schedule);
        return this;
    }

    /** The grid rule, re-used at each step count through {@link GridSpec#withSteps} (default uniform). */
    public Convergence grid(GridSpec rule) {
        this.grid = nonNull("grid", rule);
        this.grids = null;
        return this;
    }

    /**
     * The whole time grid (schedule included) per step count, for studies whose schedule depends on T, e.g. the Li et
     * al. schedule with T training steps sampled at every step; replaces {@link #schedule} and {@link #grid}.
     */
    public Convergence grids(IntFunction<TimeGrid> perSteps) {
        this.grids = nonNull("grids", perSteps);
        return this;
    }

    /** Step counts, at least 2, each >= 1, increasing. */
    public Convergence steps(int... steps) {
        this.steps = Require.increasingSteps(steps);
        return this;
    }

    /** The error metric (default W2; use W2 or sqrtKl for the sampler's own order, since KL ~ error^2). */
    public Convergence metric(Metric metric) {
        this.metric = nonNull("metric", metric);
        return this;
    }

    public Convergence init(Init init) {
        this.init = nonNull("init", init);
        return this;
    }

    /** Fit against T (default) or h = ln T / T. */
    public Convergence proxy(StepProxy proxy) {
        this.proxy = nonNull("proxy", proxy);
        return this;
    }

    /** A score-model wrapper, as in {@link ExactEvaluator#model}. */
    public Convergence model(UnaryOperator<ScoreModel> wrapper) {
        this.model = nonNull("model", wrapper);
        return this;
    }

    /** Auxiliary-randomness repetitions per evaluation, as in {@link ExactEvaluator#repetitions}. */
    public Convergence repetitions(int m) {
        this.repetitions = atLeastOne("repetitions", m);
        return this;
    }

    /** Evaluates errors exactly with {@link ExactEvaluator} (Gaussian targets). */
    public Convergence exact() {
        this.exact = true;
        return this;
    }

    /** Runs every integrator at every step count and fits the orders. */
    public ConvergenceResult run() {
        if (!exact) {
            throw new IllegalStateException("no evaluation mode chosen: call exact() (the only mode available)");
        }
        if (target == null || steps == null) {
            throw new IllegalStateException("target and steps must be set before run() (target = " + target + ", steps = " + Arrays.toString(steps) + ")");
        }
        Map<String, ConvergenceResult.Series> out = new LinkedHashMap<>();
        for (Integrator integrator : integrators) {
            List<ConvergenceResult.Point> points = new ArrayList<>();
            double[] errors = new double[steps.length];
            for (int i = 0; i < steps.length; i++) {
                TimeGrid timeGrid = grids != null ? grids.apply(steps[i]) : grid.withSteps(steps[i]).on(schedule);
                long start = System.nanoTime();
                ExactLaw law = ExactEvaluator.of(integrator).target(target).grid(timeGrid).model(model).init(init)
                        .repetitions(repetitions).evaluate();
                MetricValue error = law.metric(metric);
                double wall = (System.nanoTime() - start) * 1e-9;
                points.add(new ConvergenceResult.Point(steps[i], error, law.nfe(), integrator.nfe(timeGrid), wall));
                errors[i] = error.value();
            }
            out.put(integrator.spec(), new ConvergenceResult.Series(integrator.spec(), integrator.expectedOrder(), points,
                    OrderFit.fit(steps, errors, proxy)));
        }
        return new ConvergenceResult(metric.name(), proxy, out);
    }
}
