package org.difflab.theory.complexity;

import static org.difflab.theory.exact.StudyArguments.atLeastOne;
import static org.difflab.theory.exact.StudyArguments.nonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;
import org.difflab.dsl.grid.GridSpec;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.Require;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.exact.ExactEvaluator;
import org.difflab.theory.exact.ExactLaw;
import org.difflab.theory.exact.Init;
import org.difflab.theory.metric.Metric;
import org.difflab.theory.metric.Metrics;
import org.difflab.theory.metric.TotalVariation;

/**
 * An iteration-complexity study: for each integrator, dimension d and tolerance eps, the smallest step count T with
 * error <= eps, evaluated exactly ({@link ExactEvaluator}), and a power-law fit T ~ C d^a eps^-b
 * ({@link ComplexityFit}). This is the empirical counterpart of bounds such as T = O~(d / eps) for the Li et al.
 * 2023 samplers (Li, Wei, Chen and Chi, "Towards faster non-asymptotic convergence for diffusion-based generative
 * models", Theorems 1 and 2).
 *
 * <p><b>Searched quantity.</b> The search needs a deterministic error, so it uses the upper end of the metric's
 * bracket ({@link org.difflab.theory.metric.MetricValue#upper()}): the exact value for closed-form metrics and for TV
 * between isotropic laws, and for other TV in d > 1 the Le Cam bound H sqrt(2 - H^2), not the Monte Carlo estimate.
 * T is then the smallest step count at which the error is <em>guaranteed</em> to be <= eps.
 *
 * <p><b>Search.</b> Doubling from {@code minSteps} until the error is <= eps at two doubling points in a row, T and
 * 2T (or at maxSteps; when maxSteps fails the cell is censored, T > maxSteps, and left out of the fit). Asking for
 * two is what makes the search find the last crossing of eps, not a lucky one: the error of acceleratedDdpm on the
 * Li schedule changes sign near T = 40 and is not monotone below T ~ 128. When minSteps itself passes, the cell
 * only says T <= minSteps and is also left out of the fit. Then a search on integer T between the last failing
 * and the first passing count, down to two neighbours: each next count is where the secant through the last two
 * errors, on log error against log T, crosses eps (errors are close to power laws in T, so this takes a few
 * evaluations where bisection takes log2 T), with a bisection step after three steps that did not halve the
 * bracket; inside the bracket the error is assumed to decrease in T. Errors are cached per (integrator, d) and
 * shared across eps, and the errors already known narrow the bracket to their last crossing; a cell is flagged
 * non-monotone when any cached error contradicts it (a smaller T passing or a larger one failing).
 *
 * <p><b>Cost.</b> An exact evaluation runs O(T) (a few probe rows, {@link ExactEvaluator}); d only sets the event
 * size. With {@link #fromOneDimension()} each T is evaluated once, in d = 1, for all dimensions.
 *
 * <p>The schedule and grid are functions of T because some schedules depend on it: the Li schedule with the chain
 * t = T..1 is {@code .schedule(T -> Schedules.li(T, 2, 6)).grid(T -> Grids.uniform(T - 1).endingAtTMin()).minSteps(20)},
 * which {@link #onLiSchedule} sets up.
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
    private boolean fromOneDimension;

    private ComplexityStudy(List<Integrator> integrators) {
        this.integrators = integrators;
    }

    /** A study of these integrators (at least one). */
    public static ComplexityStudy of(Integrator... integrators) {
        return new ComplexityStudy(Require.nonEmpty("integrators", "integrator", integrators));
    }

    /**
     * A study on the setup of the Li et al. samplers (SAMPLERS.md sections 2-3; li_samplers.md section 7.2): target
     * N(1, 0.05 I_d), the schedule {@code Schedules.li(T, 2, 6)} with the chain t = T..1 (grid
     * {@code Grids.uniform(T - 1).endingAtTMin()}, so the reference is law(X_1)), the exact initial law, TV, step
     * counts from 20 (the schedule needs c1 ln T / T < 1), and {@link #fromOneDimension()}. T is the schedule's T
     * (T - 1 iterations). Set dims, eps and maxSteps, then {@link #run()}.
     */
    public static ComplexityStudy onLiSchedule(Integrator... integrators) {
        return of(integrators).target(d -> Targets.gaussian(d, 1, 0.05)).schedule(t -> Schedules.li(t, 2, 6))
                .grid(t -> Grids.uniform(t - 1).endingAtTMin()).init(Init.EXACT).metric(Metrics.tv()).minSteps(20).fromOneDimension();
    }

    /**
     * Evaluates each step count once, in d = 1, and derives the error in every dimension from that 1-D law
     * ({@link ExactLaw#replicated}): on an isotropic target N(m 1, v I_d) a coordinate-separable sampler (every
     * registered one; momentumStochastic only without clipping, which the exact evaluator enforces) has the law of d
     * independent copies of its 1-D law, and TV between isotropic laws is exact ({@link TotalVariation}). The cost
     * of a study then no longer grows with d. Needs target(d) = N(m 1, v I_d) with the m and v of target(1).
     */
    public ComplexityStudy fromOneDimension() {
        this.fromOneDimension = true;
        return this;
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

    // alike dims in form only: doubles, finite and > 0, against ints >= 1; both distinct
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
        this.minSteps = atLeastOne("minSteps", minSteps);
        return this;
    }

    /** The search cap, >= 1 (default 4096): cells needing more steps are censored. */
    public ComplexityStudy maxSteps(int maxSteps) {
        this.maxSteps = atLeastOne("maxSteps", maxSteps);
        return this;
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
        Gaussian oneDimensional = fromOneDimension ? target(1) : null;
        Map<String, ComplexityResult.Series> out = new LinkedHashMap<>();
        for (Integrator integrator : integrators) {
            List<ComplexityResult.Cell> cells = new ArrayList<>();
            Map<Integer, ExactLaw> laws = new HashMap<>();
            int[] evaluations = {0};
            for (int d : dims) {
                Gaussian g = target(d);
                IntToDoubleFunction error;
                if (fromOneDimension) {
                    requireProduct(g, oneDimensional);
                    error = t -> laws.computeIfAbsent(t, x -> {
                        evaluations[0]++;
                        return evaluate(integrator, oneDimensional, x);
                    }).replicated(d).metric(metric).upper();
                } else {
                    error = t -> {
                        evaluations[0]++;
                        return evaluate(integrator, g, t).metric(metric).upper();
                    };
                }
                TreeMap<Integer, Double> errors = new TreeMap<>();
                Map<Double, int[]> found = new LinkedHashMap<>();
                for (double e : descending) {
                    int before = evaluations[0];
                    int steps = search(error, e, errors);
                    found.put(e, new int[] {steps, evaluations[0] - before});
                }
                for (double e : eps) {
                    int[] f = found.get(e);
                    boolean censored = f[0] > maxSteps;
                    int steps = censored ? maxSteps : f[0];
                    cells.add(new ComplexityResult.Cell(d, e, steps, errors.get(steps), censored, steps == minSteps,
                            monotone(errors, e, f[0]), f[1]));
                }
            }
            out.put(integrator.spec(), new ComplexityResult.Series(integrator.spec(), cells, ComplexityResult.Series.fitOf(cells, 1, 0)));
        }
        return new ComplexityResult(metric.name(), maxSteps, out);
    }

    private Gaussian target(int d) {
        Gaussian g = target.apply(d);
        if (g == null || g.dim() != d) {
            throw new IllegalArgumentException("target(" + d + ") = " + g + " is not allowed: must be a Gaussian of dimension " + d);
        }
        return g;
    }

    /** Checks that g is N(m 1, v I_d) with the m and v of the 1-D target. */
    private static void requireProduct(Gaussian g, Gaussian oneDimensional) {
        double m = oneDimensional.mean()[0];
        double v = oneDimensional.eigenvalues()[0];
        if (Arrays.stream(g.mean()).anyMatch(x -> x != m) || Arrays.stream(g.eigenvalues()).anyMatch(x -> x != v)) {
            throw new IllegalArgumentException("target(" + g.dim() + ") = " + g.spec() + " is not allowed with fromOneDimension(): must be "
                    + "N(m 1, v I_d) with the m = " + m + " and v = " + v + " of target(1)");
        }
    }

    private ExactLaw evaluate(Integrator integrator, Gaussian g, int steps) {
        TimeGrid timeGrid = grid.apply(steps).on(schedule.apply(steps));
        return ExactEvaluator.of(integrator).target(g).grid(timeGrid).init(init).evaluate();
    }

    /**
     * The smallest T with error <= eps, or maxSteps + 1 when the error at maxSteps is still above eps: doubling from
     * minSteps until two doubling points in a row pass (or maxSteps passes), the bracket narrowed to the last
     * crossing among the errors already known, then a safeguarded secant search on log error against log T down to
     * neighbouring step counts.
     */
    private int search(IntToDoubleFunction error, double eps, TreeMap<Integer, Double> errors) {
        IntToDoubleFunction cached = t -> errors.computeIfAbsent(t, error::applyAsDouble);
        int fail = 0;
        int pass = minSteps;
        while (true) {
            boolean passes = cached.applyAsDouble(pass) <= eps;
            int next = (int) Math.min(2L * pass, maxSteps);
            if (passes && (pass >= maxSteps || cached.applyAsDouble(next) <= eps)) {
                break;
            }
            fail = passes ? next : pass;
            if (fail >= maxSteps) {
                return maxSteps + 1;
            }
            pass = (int) Math.min(2L * fail, maxSteps);
        }
        if (fail < minSteps) {
            return pass;
        }
        int firstPass = pass;
        for (Map.Entry<Integer, Double> x : errors.subMap(fail, false, firstPass, false).entrySet()) {
            if (x.getValue() > eps) {
                fail = x.getKey();
                pass = firstPass;
            } else if (pass == firstPass) {
                pass = x.getKey();
            }
        }
        int a = fail;
        int b = pass;
        int slow = 0;
        while (pass - fail > 1) {
            int width = pass - fail;
            boolean bisect = slow >= 3;
            int next = bisect ? (fail + pass) >>> 1 : secant(a, errors.get(a), b, errors.get(b), eps, fail, pass);
            if (cached.applyAsDouble(next) <= eps) {
                pass = next;
            } else {
                fail = next;
            }
            slow = bisect || 2 * (pass - fail) <= width ? 0 : slow + 1;
            a = b;
            b = next;
        }
        return pass;
    }

    /**
     * The next step count to try in (fail, pass): the smallest integer at or above the crossing of eps by the line
     * through (log a, log error(a)) and (log b, log error(b)), or the one below pass when that is pass itself (to
     * confirm it), or the midpoint when the line does not fall or an error is not positive.
     */
    private static int secant(int a, double errorA, int b, double errorB, double eps, int fail, int pass) {
        int mid = (fail + pass) >>> 1;
        if (!(errorA > 0) || !(errorB > 0) || a == b) {
            return mid;
        }
        double slope = (Math.log(errorB) - Math.log(errorA)) / (Math.log(b) - Math.log(a));
        if (!(slope < 0) || !Double.isFinite(slope)) {
            return mid;
        }
        double crossing = Math.exp(Math.log(b) + (Math.log(eps) - Math.log(errorB)) / slope);
        if (!Double.isFinite(crossing)) {
            return mid;
        }
        long next = (long) Math.ceil(crossing);
        if (next >= pass) {
            return pass - 1;
        }
        return (int) Math.max(fail + 1, next);
    }

    /** Whether every cached error agrees with T* being the first step count with error <= eps. */
    private static boolean monotone(TreeMap<Integer, Double> errors, double eps, int first) {
        return errors.entrySet().stream().allMatch(x -> (x.getKey() < first) != (x.getValue() <= eps));
    }
}
