package org.difflab.theory.complexity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.difflab.dsl.grid.GridSpec;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.exact.ExactEvaluator;
import org.difflab.theory.exact.Init;
import org.difflab.theory.metric.Metric;
import org.difflab.theory.metric.Metrics;

/**
 * An iteration-complexity study: for each integrator, dimension d and tolerance eps, the smallest step count T with
 * error <= eps, evaluated exactly ({@link ExactEvaluator}), and a power-law fit T ~ C d^a eps^-b
 * ({@link ComplexityFit}). This is the empirical counterpart of bounds such as T = O~(d / eps) for the Li et al.
 * 2023 samplers (Li, Wei, Chen and Chi, "Towards faster non-asymptotic convergence for diffusion-based generative
 * models", Theorems 1 and 2).
 *
 * <p><b>Searched quantity.</b> The search needs a deterministic error, so it uses the upper end of the metric's
 * bracket ({@link org.difflab.theory.metric.MetricValue#upper()}): the exact value for closed-form metrics, and for
 * TV in d > 1 the Le Cam bound H sqrt(2 - H^2), not the Monte Carlo estimate. T is then the smallest step count
 * at which the error is <em>guaranteed</em> to be <= eps, an upper bound on the T for the true TV.
 *
 * <p><b>Search.</b> Doubling from {@code minSteps} until the error is <= eps (or maxSteps is reached: the cell is
 * censored, T > maxSteps, and left out of the fit), then bisection on integer T between the last failing and the
 * first passing count. This assumes the error decreases in T, which holds in practice for these samplers but is not
 * a theorem (a T-dependent schedule changes with T). Errors are cached per (integrator, d) and shared across eps;
 * a cell is flagged non-monotone when any cached error contradicts it (a smaller T passing or a larger one failing).
 *
 * <p>The schedule and grid are functions of T because some schedules depend on it: the Li schedule with the chain
 * t = T..1 is {@code .schedule(T -> Schedules.li(T, 2, 6)).grid(T -> Grids.uniform(T - 1).endingAtTMin()).minSteps(20)}.
 * Each evaluation runs 1 + K probe rows (K Gaussian draws) through T steps; d only sets the event size.
 *
 * <pre>{@code
 * ComplexityResult r = ComplexityStudy.of(Integrators.ddim()).dims(1, 4, 16).eps(1e-1, 3e-2, 1e-2)
 *     .metric(Metrics.tv()).run();
 * }</pre>
 */
public final class ComplexityStudy {
    private final List<Integrator> integrators;
    private int[] dims;
    private double[] eps;
    private IntFunction<Gaussian> target = d -> Targets.gaussian(d, 1, 0.05);
    private IntFunction<NoiseSchedule> schedule = steps -> Schedules.vp();
    private IntFunction<GridSpec> grid = Grids::uniform;
    private Metric metric = Metrics.tv();
    private Init init = Init.PRIOR;
    private int minSteps = 1;
    private int maxSteps = 4096;

    private ComplexityStudy(List<Integrator> integrators) {
        this.integrators = integrators;
    }

    /** A study of these integrators (at least one). */
    public static ComplexityStudy of(Integrator... integrators) {
        if (integrators == null || integrators.length == 0) {
            throw new IllegalArgumentException("integrators is empty, which is not allowed: give at least 1 integrator");
        }
        for (int i = 0; i < integrators.length; i++) {
            if (integrators[i] == null) {
                throw new IllegalArgumentException("integrators[" + i + "] is null, which is not allowed");
            }
        }
        return new ComplexityStudy(List.of(integrators));
    }

    /** Dimensions, at least 1, each >= 1, distinct. */
    public ComplexityStudy dims(int... dims) {
        if (dims == null || dims.length == 0) {
            throw new IllegalArgumentException("dims = " + Arrays.toString(dims) + " is not allowed: give at least 1 dimension");
        }
        for (int i = 0; i < dims.length; i++) {
            int d = dims[i];
            if (d < 1 || Arrays.stream(dims, 0, i).anyMatch(x -> x == d)) {
                throw new IllegalArgumentException("dims[" + i + "] = " + dims[i] + " is not allowed: dimensions must be >= 1 and distinct");
            }
        }
        this.dims = dims.clone();
        return this;
    }

    /** Tolerances, at least 1, each finite and > 0, distinct. */
    public ComplexityStudy eps(double... eps) {
        if (eps == null || eps.length == 0) {
            throw new IllegalArgumentException("eps = " + Arrays.toString(eps) + " is not allowed: give at least 1 tolerance");
        }
        for (int i = 0; i < eps.length; i++) {
            double e = eps[i];
            if (!(e > 0) || !Double.isFinite(e) || Arrays.stream(eps, 0, i).anyMatch(x -> x == e)) {
                throw new IllegalArgumentException("eps[" + i + "] = " + e + " is not allowed: tolerances must be finite, > 0 and distinct");
            }
        }
        this.eps = eps.clone();
        return this;
    }

    /** The target as a function of d (default {@code d -> Targets.gaussian(d, 1, 0.05)}); must return dimension d. */
    public ComplexityStudy target(IntFunction<Gaussian> target) {
        this.target = nonNull("target", target);
        return this;
    }

    /** The schedule as a function of T (default {@code T -> Schedules.vp()}). */
    public ComplexityStudy schedule(IntFunction<NoiseSchedule> schedule) {
        this.schedule = nonNull("schedule", schedule);
        return this;
    }

    /** The grid rule as a function of T (default {@code Grids::uniform}, T steps ending with a jump to 0). */
    public ComplexityStudy grid(IntFunction<GridSpec> grid) {
        this.grid = nonNull("grid", grid);
        return this;
    }

    /** The error metric (default TV); the search uses the upper end of its bracket. */
    public ComplexityStudy metric(Metric metric) {
        this.metric = nonNull("metric", metric);
        return this;
    }

    /** The initial law (default the sampler's prior). */
    public ComplexityStudy init(Init init) {
        this.init = nonNull("init", init);
        return this;
    }

    /** The first step count tried, >= 1 (default 1; the Li schedule with c1 = 6 needs c1 ln T / T < 1, T >= 17). */
    public ComplexityStudy minSteps(int minSteps) {
        if (minSteps < 1) {
            throw new IllegalArgumentException("minSteps = " + minSteps + " is not allowed: must be >= 1");
        }
        this.minSteps = minSteps;
        return this;
    }

    /** The search cap, >= 1 (default 4096): cells needing more steps are censored. */
    public ComplexityStudy maxSteps(int maxSteps) {
        if (maxSteps < 1) {
            throw new IllegalArgumentException("maxSteps = " + maxSteps + " is not allowed: must be >= 1");
        }
        this.maxSteps = maxSteps;
        return this;
    }

    private static <T> T nonNull(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is null, which is not allowed");
        }
        return value;
    }

    /** Runs every search and fits the power law per integrator. */
    public ComplexityResult run() {
        if (dims == null || eps == null) {
            throw new IllegalStateException("dims and eps must be set before run() (dims = " + Arrays.toString(dims) + ", eps = " + Arrays.toString(eps) + ")");
        }
        if (maxSteps < minSteps) {
            throw new IllegalStateException("maxSteps = " + maxSteps + " is not allowed with minSteps = " + minSteps + ": must be >= minSteps");
        }
        double[] descending = Arrays.stream(eps).map(x -> -x).sorted().map(x -> -x).toArray();
        Map<String, ComplexityResult.Series> out = new LinkedHashMap<>();
        for (Integrator integrator : integrators) {
            List<ComplexityResult.Cell> cells = new ArrayList<>();
            for (int d : dims) {
                Gaussian g = target.apply(d);
                if (g == null || g.dim() != d) {
                    throw new IllegalArgumentException("target(" + d + ") = " + g + " is not allowed: must be a Gaussian of dimension " + d);
                }
                TreeMap<Integer, Double> errors = new TreeMap<>();
                Map<Double, int[]> found = new LinkedHashMap<>();
                for (double e : descending) {
                    int before = errors.size();
                    int steps = search(integrator, g, e, errors);
                    found.put(e, new int[] {steps, errors.size() - before});
                }
                for (double e : eps) {
                    int[] f = found.get(e);
                    boolean censored = f[0] > maxSteps;
                    int steps = censored ? maxSteps : f[0];
                    cells.add(new ComplexityResult.Cell(d, e, steps, errors.get(steps), censored, monotone(errors, e, f[0]), f[1]));
                }
            }
            out.put(integrator.spec(), new ComplexityResult.Series(integrator.spec(), cells, fit(cells)));
        }
        return new ComplexityResult(metric.name(), maxSteps, out);
    }

    /** The smallest T with error <= eps, or maxSteps + 1 when the error at maxSteps is still above eps. */
    private int search(Integrator integrator, Gaussian g, double eps, TreeMap<Integer, Double> errors) {
        int fail = 0;
        int pass = minSteps;
        while (!(error(integrator, g, pass, errors) <= eps)) {
            if (pass >= maxSteps) {
                return maxSteps + 1;
            }
            fail = pass;
            pass = (int) Math.min(2L * pass, maxSteps);
        }
        while (fail >= minSteps && pass - fail > 1) {
            int mid = (fail + pass) >>> 1;
            if (error(integrator, g, mid, errors) <= eps) {
                pass = mid;
            } else {
                fail = mid;
            }
        }
        return pass;
    }

    private double error(Integrator integrator, Gaussian g, int steps, TreeMap<Integer, Double> errors) {
        return errors.computeIfAbsent(steps, t -> {
            TimeGrid timeGrid = grid.apply(t).on(schedule.apply(t));
            return ExactEvaluator.of(integrator).target(g).grid(timeGrid).init(init).evaluate().metric(metric).upper();
        });
    }

    /** Whether every cached error agrees with T* being the first step count with error <= eps. */
    private static boolean monotone(TreeMap<Integer, Double> errors, double eps, int first) {
        return errors.entrySet().stream().allMatch(x -> (x.getKey() < first) != (x.getValue() <= eps));
    }

    private static ComplexityFit fit(List<ComplexityResult.Cell> cells) {
        List<ComplexityResult.Cell> kept = cells.stream().filter(c -> !c.censored()).toList();
        double[] d = kept.stream().mapToDouble(ComplexityResult.Cell::dim).toArray();
        double[] e = kept.stream().mapToDouble(ComplexityResult.Cell::eps).toArray();
        double[] t = kept.stream().mapToDouble(ComplexityResult.Cell::steps).toArray();
        return ComplexityFit.identifiable(d, e) ? ComplexityFit.of(d, e, t) : null;
    }
}
