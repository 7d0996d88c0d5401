package org.difflab.theory.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.ExponentialEuler;
import org.difflab.dsl.parallel.PicardBlocks;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.complexity.ComplexityResult;
import org.difflab.theory.complexity.ComplexityStudy;
import org.difflab.theory.exact.ExactEvaluator;
import org.difflab.theory.exact.ExactLaw;
import org.difflab.theory.exact.Init;
import org.difflab.theory.metric.Metric;
import org.difflab.theory.metric.Metrics;

/**
 * Sequential steps against parallel rounds as the dimension grows, at fixed accuracy (PIADM: Chen, Ren, Ying and
 * Rotskoff 2024, arXiv 2405.15986, Theorems 3.3 and 3.5 as recalled in research note mlem_parallel.md B.2-B.5:
 * O(log d) blocks of O(1) length, Õ(d) (SDE) or Õ(√d) (ODE) points per block, K = O(log d) sweeps, so
 * poly-log d rounds against Õ(d) or Õ(√d) sequential steps).
 *
 * <p>Setup: target N(1, 0.05 I_d), VP schedule, uniform grid ending at tMin, the exact initial law, TV to the target
 * noised to tMin, all exact ({@link ExactEvaluator}; both samplers are coordinate-separable on an isotropic target,
 * so each law is evaluated once in d = 1 and replicated, {@link ExactLaw#replicated}). For each d:
 * <ol>
 *   <li>T_seq(d): the smallest step count of {@code exponentialEuler:lambda} with TV <= eps ({@link ComplexityStudy});</li>
 *   <li>the Picard grid: the sequential count for eps / 2, so that discretisation takes half the budget and Picard
 *       truncation the other half (the theory splits the error the same way), cut into N fixed blocks of
 *       M = ceil(steps / N) points;</li>
 *   <li>K: sweeps 1, 2, ... of {@code picardBlocks:points=M,sweeps=K,lambda} until TV <= eps at K and at K + 1 (two
 *       in a row, so a lucky crossing of a TV that is not monotone in K is not taken); K = M always passes, being the
 *       sequential integrator on the eps / 2 grid. Rounds = sum over blocks of min(K, block length).</li>
 * </ol>
 * N is fixed rather than O(log d): over d in [4, 1024] log d changes by a factor 5, and a fixed N keeps the growth
 * of the rounds that of K alone.
 */
public final class PicardDimensionStudy {
    private static final Metric TV = Metrics.tv();
    private static final NoiseSchedule SCHEDULE = Schedules.vp();
    private static final double MEAN = 1;
    private static final double VARIANCE = 0.05;

    private final double lambda;
    private int[] dims;
    private double eps;
    private int blocks;
    private int maxSteps = 1 << 16;
    private boolean everySweep;

    private PicardDimensionStudy(double lambda) {
        this.lambda = lambda;
    }

    /** A study of the exponential integrator and its Picard blocks at noise scale lambda: 1 (reverse SDE) or 0 (ODE). */
    public static PicardDimensionStudy of(double lambda) {
        if (lambda != 0 && lambda != 1) {
            throw new IllegalArgumentException("lambda = " + lambda + " is not allowed: 1 (reverse SDE) or 0 (probability-flow ODE)");
        }
        return new PicardDimensionStudy(lambda);
    }

    /** Dimensions, at least 3 (for an interval), each >= 2 (ln d > 0), increasing. */
    public PicardDimensionStudy dims(int... dims) {
        if (dims == null || dims.length < 3) {
            throw new IllegalArgumentException("dims = " + Arrays.toString(dims) + " is not allowed: give at least 3 dimensions");
        }
        for (int i = 0; i < dims.length; i++) {
            if (dims[i] < 2 || (i > 0 && dims[i] <= dims[i - 1])) {
                throw new IllegalArgumentException("dims[" + i + "] = " + dims[i] + " is not allowed: dimensions must be >= 2 and increasing");
            }
        }
        this.dims = dims.clone();
        return this;
    }

    /** The TV tolerance, in (0, 1). */
    public PicardDimensionStudy eps(double eps) {
        if (!(eps > 0 && eps < 1)) {
            throw new IllegalArgumentException("eps = " + eps + " is not allowed: must be in (0, 1)");
        }
        this.eps = eps;
        return this;
    }

    /** The number N of blocks, >= 1. */
    public PicardDimensionStudy blocks(int blocks) {
        if (blocks < 1) {
            throw new IllegalArgumentException("blocks = " + blocks + " is not allowed: must be >= 1");
        }
        this.blocks = blocks;
        return this;
    }

    /** The sequential search cap, >= 2 (default 65536); a censored sequential search is an error. */
    public PicardDimensionStudy maxSteps(int maxSteps) {
        if (maxSteps < 2) {
            throw new IllegalArgumentException("maxSteps = " + maxSteps + " is not allowed: must be >= 2");
        }
        this.maxSteps = maxSteps;
        return this;
    }

    /**
     * Sweeps every block M times instead of stopping at the fewest sweeps that reach eps: Picard blocks that never stop
     * early, whose rounds are the grid's steps (the sequential count). A negative control of the rounds' growth.
     */
    public PicardDimensionStudy everySweep() {
        this.everySweep = true;
        return this;
    }

    /** Runs the sequential searches and the sweep scans. */
    public PicardDimensionResult run() {
        if (dims == null || eps == 0 || blocks == 0) {
            throw new IllegalStateException("dims, eps and blocks must be set before run() (dims = " + Arrays.toString(dims) + ", eps = " + eps
                    + ", blocks = " + blocks + ")");
        }
        ExponentialEuler sequential = new ExponentialEuler(lambda);
        ComplexityResult seq = ComplexityStudy.of(sequential).dims(dims).eps(eps, eps / 2).target(d -> Targets.gaussian(d, MEAN, VARIANCE))
                .schedule(t -> SCHEDULE).grid(t -> Grids.uniform(t).endingAtTMin()).init(Init.EXACT).metric(TV).maxSteps(maxSteps)
                .fromOneDimension().run();
        ComplexityResult.Series series = seq.of(sequential.spec());
        List<PicardDimensionResult.Row> rows = new ArrayList<>();
        for (int d : dims) {
            ComplexityResult.Cell atEps = series.cell(d, eps);
            ComplexityResult.Cell grid = series.cell(d, eps / 2);
            if (atEps.censored() || grid.censored()) {
                throw new IllegalStateException("the sequential search in d = " + d + " needs more than maxSteps = " + maxSteps + " steps: raise maxSteps");
            }
            rows.add(sweeps(d, atEps, grid));
        }
        return new PicardDimensionResult(lambda, eps, blocks, rows);
    }

    /** Scans K = 1, 2, ... on the grid of the eps / 2 cell's steps until TV <= eps at K and K + 1 (or K = M). */
    private PicardDimensionResult.Row sweeps(int d, ComplexityResult.Cell atEps, ComplexityResult.Cell grid) {
        int steps = grid.steps();
        int points = (steps + blocks - 1) / blocks;
        List<Double> errors = new ArrayList<>();
        IntToDoubleFunction at = k -> {
            while (errors.size() < k) {
                errors.add(error(d, steps, points, errors.size() + 1));
            }
            return errors.get(k - 1);
        };
        if (everySweep) {
            int rounds = steps;
            double tv = error(d, steps, points, points);
            return new PicardDimensionResult.Row(d, atEps.steps(), atEps.error(), atEps.monotone() && grid.monotone(), steps, points, points, rounds,
                    tv, false, new double[] {tv});
        }
        int k = 1;
        boolean lucky = false;
        while (!(at.applyAsDouble(k) <= eps && (k >= points || at.applyAsDouble(k + 1) <= eps))) {
            lucky |= at.applyAsDouble(k) <= eps;
            k++;
        }
        int rounds = (steps / points) * Math.min(k, points) + Math.min(k, steps % points);
        return new PicardDimensionResult.Row(d, atEps.steps(), atEps.error(), atEps.monotone() && grid.monotone(), steps, points, k, rounds, errors.get(k - 1), lucky,
                errors.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** TV in d dimensions of picardBlocks:points,sweeps on a grid of the given steps, from its 1-D law. */
    private double error(int d, int steps, int points, int sweeps) {
        Gaussian oneDimensional = Targets.gaussian(1, MEAN, VARIANCE);
        ExactLaw law = ExactEvaluator.of(new PicardBlocks(points, sweeps, 0, lambda)).target(oneDimensional)
                .grid(Grids.uniform(steps).endingAtTMin().on(SCHEDULE)).init(Init.EXACT).evaluate();
        return law.replicated(d).metric(TV).upper();
    }
}
