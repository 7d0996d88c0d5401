package org.difflab.theory.claims;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.difflab.dsl.grid.GridSpec;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.convergence.Convergence;
import org.difflab.theory.convergence.StepProxy;
import org.difflab.theory.exact.Init;
import org.difflab.theory.metric.Metrics;

/**
 * The exact-evaluation setup a claim is measured on, written as the same spec strings the command line takes, so a
 * reader can rerun one point with {@code difflab eval} or the whole study with {@code difflab converge}.
 *
 * @param target       target spec, a Gaussian (e.g. {@code gaussian:d=2,mean=1,var=0.05})
 * @param schedule     schedule spec (e.g. {@code vp}); {@code T=steps} in it (e.g. {@code li:T=steps,c0=2,c1=6}) makes the
 *                     schedule's training steps follow the step count, sampled at every training step T..1
 * @param grid         grid rule spec (e.g. {@code logsnr})
 * @param endingAtTMin whether the grid stops at tMin (no final jump to t = 0; the reference is then law(X_tMin))
 * @param init         where the chain starts
 * @param metric       metric name, as in {@link Metrics#byName}
 * @param proxy        the step variable the order is fitted against
 * @param steps        step counts, increasing, at least 2
 */
public record Experiment(String target, String schedule, String grid, boolean endingAtTMin, Init init, String metric,
                         StepProxy proxy, int[] steps) {

    /**
     * The setup on which the standard samplers show their asymptotic orders cleanly: a 2-D Gaussian, the continuous
     * VP schedule (a discrete schedule rounds grid times to training indices), a log-SNR grid ending at tMin (the
     * fixed final jump to 0 is a T-independent error floor), the exact initial law (no prior mismatch), W2 (first
     * order in the sampler's error, unlike KL), and 80..1280 steps.
     */
    public static Experiment standard() {
        return new Experiment("gaussian:d=2,mean=1,var=0.05", "vp", "logsnr", true, Init.EXACT, "w2", StepProxy.STEPS,
                new int[] {80, 160, 320, 640, 1280});
    }

    private static final String STEPS_PLACEHOLDER = "T=steps";

    public Experiment {
        for (String[] field : new String[][] {{"target", target}, {"schedule", schedule}, {"grid", grid}, {"metric", metric}}) {
            if (field[1] == null || field[1].isBlank()) {
                throw new IllegalArgumentException(field[0] + " = '" + field[1] + "' is not allowed: give a spec");
            }
        }
        if (init == null || proxy == null) {
            throw new IllegalArgumentException("init = " + init + ", proxy = " + proxy + " are not allowed: both must be non-null");
        }
        if (steps == null || steps.length < 2) {
            throw new IllegalArgumentException("steps = " + Arrays.toString(steps) + " is not allowed: give at least 2 step counts");
        }
        steps = steps.clone();
        Metrics.byName(metric);
    }

    /** The same setup with other step counts. */
    public Experiment withSteps(int... newSteps) {
        return new Experiment(target, schedule, grid, endingAtTMin, init, metric, proxy, newSteps);
    }

    @Override
    public int[] steps() {
        return steps.clone();
    }

    /** The grid rule (its step count is replaced by the study). */
    public GridSpec gridSpec() {
        GridSpec g = Grids.parse(grid, steps[0]);
        return endingAtTMin ? g.endingAtTMin() : g;
    }

    /** A configured exact convergence study of these integrators (specs as in {@link Integrators#parse}). */
    public Convergence study(List<String> integrators) {
        if (!(Targets.parse(target) instanceof Gaussian g)) {
            throw new IllegalArgumentException("target = '" + target + "' is not allowed: exact evaluation needs a Gaussian target");
        }
        Integrator[] methods = integrators.stream().map(Integrators::parse).toArray(Integrator[]::new);
        Convergence c = Convergence.study(methods).target(g).steps(steps).metric(Metrics.byName(metric)).init(init).proxy(proxy).exact();
        return followsSteps() ? c.grids(this::timeGrid) : c.schedule(Schedules.parse(schedule)).grid(gridSpec());
    }

    /** Whether the schedule's training steps follow the step count ({@code T=steps} in the schedule spec). */
    public boolean followsSteps() {
        return schedule.contains(STEPS_PLACEHOLDER);
    }

    /** The grid at T steps: for a schedule that follows the steps, every training step T..1 of its T-step version. */
    public TimeGrid timeGrid(int steps) {
        if (!followsSteps()) {
            return gridSpec().withSteps(steps).on(Schedules.parse(schedule));
        }
        NoiseSchedule s = Schedules.parse(schedule.replace(STEPS_PLACEHOLDER, "T=" + steps));
        GridSpec every = Grids.parse(grid, steps - 1);
        return (endingAtTMin ? every.endingAtTMin() : every).on(s);
    }

    /** One line for reports, e.g. {@code gaussian:d=2,... | vp | logsnr ending at tMin | init exact | w2 | T = 80..1280}. */
    public String describe() {
        return String.format(Locale.ROOT, "target %s, schedule %s, grid %s%s, init %s, metric %s, fitted against %s, steps %s",
                target, schedule, grid, endingAtTMin ? " ending at tMin" : " with final jump to 0", init.name().toLowerCase(Locale.ROOT),
                metric, proxy == StepProxy.STEPS ? "T" : "h = ln T / T",
                Arrays.stream(steps).mapToObj(Integer::toString).collect(Collectors.joining(", ")));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Experiment e && target.equals(e.target) && schedule.equals(e.schedule) && grid.equals(e.grid)
                && endingAtTMin == e.endingAtTMin && init == e.init && metric.equals(e.metric) && proxy == e.proxy
                && Arrays.equals(steps, e.steps);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Objects.hash(target, schedule, grid, endingAtTMin, init, metric, proxy) + Arrays.hashCode(steps);
    }

    @Override
    public String toString() {
        return describe();
    }
}
