package org.difflab.theory.strong;

import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.Require;
import org.difflab.dsl.grid.GridSpec;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.noise.NoiseSources;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Target;
import org.difflab.theory.convergence.OrderFit;
import org.difflab.theory.convergence.StepProxy;

/**
 * A strong-error study (Kloeden and Platen 1992, section 9.6): each integrator runs at several step counts from the
 * same initial noise and the same Brownian path ({@link NoiseSources#brownianPath}: its prior draw is per sample
 * and does not depend on the grid, its step noises are increments of one path), and is compared path by path with a
 * fine reference run on that path. The strong error is RMS_i ||x_i - x_ref,i|| / sqrt(d); its order is fitted with
 * {@link OrderFit}. Unlike the weak (distributional) errors of {@code Convergence}, it needs no closed-form law, so
 * it works with any {@link ScoreModel}, networks included.
 *
 * <pre>{@code
 * StrongErrorResult r = StrongError.study(Integrators.ddim(), Integrators.heun())
 *     .target(Targets.gaussian(2, 1, 0.05)).schedule(Schedules.vp()).grid(Grids.uniform(10))
 *     .steps(16, 32, 64, 128).reference(Integrators.heun(), 4096).samples(64).seed(1).run();
 * }</pre>
 */
public final class StrongError {
    /** Reference steps per largest study step count when no reference step count is given. */
    private static final int DEFAULT_REFINEMENT = 16;

    private final List<Integrator> integrators;
    private NoiseSchedule schedule = Schedules.ddpm();
    private GridSpec grid = Grids.uniform(10);
    private ScoreModel model;
    private int[] steps;
    private Integrator reference;
    private int referenceSteps;
    private int samples = 256;
    private long seed;
    private StepProxy proxy = StepProxy.STEPS;

    private StrongError(List<Integrator> integrators) {
        this.integrators = integrators;
    }

    /** A study of these integrators (at least one). */
    public static StrongError study(Integrator... integrators) {
        return new StrongError(Require.nonEmpty("integrators", "integrator", integrators));
    }

    // alike the Sampler's setters of the same names in form only: a study holds its own defaults (uniform:10) and passes them to one Sampler per step count
    /** The schedule (default linear:T=1000). */
    public StrongError schedule(NoiseSchedule schedule) {
        this.schedule = Require.notNull("schedule", schedule);
        return this;
    }

    /** The grid rule, re-used at each step count and for the reference through {@link GridSpec#withSteps} (default uniform). */
    public StrongError grid(GridSpec rule) {
        this.grid = Require.notNull("grid", rule);
        return this;
    }

    /** The score model (a network, a perturbed score, an exact score). */
    public StrongError model(ScoreModel model) {
        this.model = Require.notNull("model", model);
        return this;
    }

    /** Uses the exact score of a target as the model. */
    public StrongError target(Target target) {
        return model(Require.notNull("target", target).exactScore());
    }

    /** Step counts, at least 2, each >= 1, increasing. */
    public StrongError steps(int... steps) {
        this.steps = Require.increasingSteps(steps);
        return this;
    }

    /**
     * The reference: this integrator at this many steps, for every integrator of the study. It must be stochastic
     * exactly when they are (a path of an SDE is not approached by an ODE solution, nor the converse). Without a
     * reference integrator each integrator is its own reference.
     */
    public StrongError reference(Integrator integrator, int steps) {
        this.reference = Require.notNull("reference integrator", integrator);
        this.referenceSteps = Require.positive("reference steps", steps);
        return this;
    }

    /** Each integrator is its own reference at this many steps (default 16 times the largest step count). */
    public StrongError reference(int steps) {
        this.reference = null;
        this.referenceSteps = Require.positive("reference steps", steps);
        return this;
    }

    /** Paths per run (default 256). */
    public StrongError samples(int n) {
        this.samples = Require.positive("samples", n);
        return this;
    }

    /** Seed of the Brownian path and of the initial noise. */
    public StrongError seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** Fit against T (default) or h = ln T / T. */
    public StrongError proxy(StepProxy proxy) {
        this.proxy = Require.notNull("proxy", proxy);
        return this;
    }

    /** Runs the references and every integrator at every step count, and fits the strong orders. */
    public StrongErrorResult run() {
        if (model == null || steps == null) {
            throw new IllegalStateException("model (or target) and steps must be set before run() (model = " + model
                    + ", steps = " + Arrays.toString(steps) + ")");
        }
        int refSteps = referenceSteps > 0 ? referenceSteps : DEFAULT_REFINEMENT * steps[steps.length - 1];
        if (refSteps <= steps[steps.length - 1]) {
            throw new IllegalStateException("reference steps = " + refSteps + " is not allowed: must exceed the largest step count "
                    + steps[steps.length - 1]);
        }
        Map<String, double[][]> references = new HashMap<>();
        Map<String, StrongErrorResult.Series> out = new LinkedHashMap<>();
        for (Integrator integrator : integrators) {
            Integrator ref = reference != null ? reference : integrator;
            if (ref.stochastic() != integrator.stochastic()) {
                throw new IllegalStateException("reference " + ref.spec() + " is " + kind(ref) + " but integrator " + integrator.spec()
                        + " is " + kind(integrator) + ", which is not allowed: strong errors compare paths of the same equation");
            }
            double[][] x = references.computeIfAbsent(ref.spec(), k -> paths(ref, refSteps).rows);
            List<StrongErrorResult.Point> points = new ArrayList<>();
            double[] errors = new double[steps.length];
            double[][] finest = null;
            for (int i = 0; i < steps.length; i++) {
                long start = System.nanoTime();
                Run run = paths(integrator, steps[i]);
                double wall = (System.nanoTime() - start) * 1e-9;
                double[] e = rmsError(run.rows, x);
                errors[i] = e[0];
                points.add(new StrongErrorResult.Point(steps[i], e[0], e[1], run.nfe, wall));
                finest = run.rows;
            }
            out.put(integrator.spec(), new StrongErrorResult.Series(integrator.spec(), integrator.stochastic(), ref.spec(), refSteps,
                    points, OrderFit.fit(steps, errors, proxy), finest));
        }
        return new StrongErrorResult(samples, seed, out);
    }

    private static String kind(Integrator integrator) {
        return integrator.stochastic() ? "stochastic" : "deterministic";
    }

    private record Run(double[][] rows, long nfe) {}

    /** The integrator's paths at n steps, in float64, on the study's Brownian path. */
    private Run paths(Integrator integrator, int n) {
        try (Samples s = Diffusion.sampler().schedule(schedule).model(model).integrator(integrator).grid(grid.withSteps(n))
                .noise(NoiseSources.brownianPath(seed, schedule.tMax())).dataType(DataType.FLOAT64).sample(samples)) {
            return new Run(s.rows(), s.nfe());
        }
    }

    /** {RMS_i ||x_i - r_i|| / sqrt(d), its delta-method standard error over samples}. */
    private static double[] rmsError(double[][] x, double[][] r) {
        int n = x.length;
        int d = x[0].length;
        double[] sq = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double diff = x[i][j] - r[i][j];
                s += diff * diff;
            }
            sq[i] = s / d;
            mean += sq[i] / n;
        }
        double var = 0;
        for (double v : sq) {
            var += (v - mean) * (v - mean);
        }
        double seMean = n > 1 ? Math.sqrt(var / (n - 1) / n) : Double.NaN;
        double rms = Math.sqrt(mean);
        return new double[] {rms, seMean / (2 * rms)};
    }
}
