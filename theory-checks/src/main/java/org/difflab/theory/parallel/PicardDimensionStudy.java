package org.difflab.theory.parallel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.ExponentialEuler;
import org.difflab.dsl.parallel.PicardBlocks;
import org.difflab.dsl.schedule.VpSchedule;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.complexity.ComplexityResult;
import org.difflab.theory.complexity.ComplexityStudy;
import org.difflab.theory.exact.ExactEvaluator;
import org.difflab.theory.exact.Init;
import org.difflab.theory.metric.Metric;
import org.difflab.theory.metric.Metrics;

/**
 * Sequential steps against parallel rounds as the dimension grows, at fixed accuracy, in PIADM's block regime (Chen,
 * Ren, Ying and Rotskoff 2024, arXiv 2405.15986, Figure 1 caption and Theorems 3.3 and 3.5: a horizon of O(log d)
 * cut into blocks of O(1) length, Õ(d) (SDE) or Õ(√d) (ODE) points per block, a fixed number K of Picard sweeps per
 * block, so K N = poly-log d rounds against Õ(d) or Õ(√d) sequential steps).
 *
 * <p>Setup: target N(1, 0.05 I_d); a VP schedule (beta from 0.1 to bmax on t in [0, 1], down to t = 1e-3) whose
 * horizon in OU time, -ln alpha(1) = (0.1 + bmax) / 4, is S(d) = 1 + ln(sqrt(d) / eps), so that starting from the
 * prior N(0, I) costs about 0.15 eps of TV in every d (the mean's shift e^-S per coordinate over sqrt(d)
 * coordinates): this is what makes the paper's horizon, and so its number of blocks, grow like log d [R: the paper's
 * horizon constant is not known to us]; uniform grid in t ending at tMin; the prior as the initial law; TV to the
 * target noised to tMin, all exact ({@link ExactEvaluator}; both samplers are coordinate-separable on an isotropic
 * target, so each law is evaluated once in d = 1 and replicated). For each d:
 * <ol>
 *   <li>T_seq(d): the smallest step count of {@code exponentialEuler:lambda} with TV <= eps ({@link ComplexityStudy});</li>
 *   <li>the Picard grid: the sequential count for eps / 2, so that discretisation takes half the budget and Picard
 *       truncation the other half, cut by {@code picardBlocks:length=h} into N(d) blocks of OU time at most h
 *       ({@link PicardBlocks#blocks}); the points per block grow with the grid, the number of blocks only with the
 *       horizon;</li>
 *   <li>K: the fewest fixed sweeps of {@code picardBlocks:length=h,sweeps=K,lambda} (a fixed K, no tolerance) with
 *       TV <= eps at K and at K + 1 (two in a row, so a lucky crossing of a TV that is not monotone in K is not
 *       taken); K = the largest block's points always passes, being the sequential integrator on the eps / 2 grid.
 *       The scan starts at 1 in the first dimension and at the previous dimension's K after it: downward to the first
 *       count of the run of passing TVs that holds it, else upward to the first K that passes (K changes little with d,
 *       so three to six exact evaluations a dimension instead of K + 1; the same K as a scan from 1 unless an earlier,
 *       separate run of two passing counts lies below the start, which the table's TV of every count scanned lets one
 *       judge). Rounds = sum over blocks of min(K, block points).</li>
 * </ol>
 */
public final class PicardDimensionStudy {
    private static final Metric TV = Metrics.tv();
    private static final double MEAN = 1;
    private static final double VARIANCE = 0.05;
    private static final double BMIN = 0.1;
    private static final double TMIN = 1e-3;

    private final double lambda;
    private int[] dims;
    private double eps;
    private double blockLength;
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

    /** The OU-time horizon S(d) = 1 + ln(sqrt(d) / eps) of dimension d. */
    public static double horizon(int d, double eps) {
        return 1 + Math.log(Math.sqrt(d) / eps);
    }

    /** The VP schedule whose horizon in OU time, (bmin + bmax) / 4, is {@link #horizon}(d, eps). */
    public static VpSchedule schedule(int d, double eps) {
        return new VpSchedule(BMIN, 4 * horizon(d, eps) - BMIN, TMIN);
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

    /** The blocks' length h in OU time, a finite number > 0. */
    public PicardDimensionStudy blockLength(double blockLength) {
        if (!(blockLength > 0) || Double.isInfinite(blockLength)) {
            throw new IllegalArgumentException("blockLength = " + blockLength + " is not allowed: must be a finite number > 0");
        }
        this.blockLength = blockLength;
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
     * Sweeps every block as often as the largest block has points instead of stopping at the fewest sweeps that reach
     * eps: Picard blocks whose rounds are the grid's steps (the sequential count). A negative control of the rounds'
     * growth.
     */
    public PicardDimensionStudy everySweep() {
        this.everySweep = true;
        return this;
    }

    /** Runs the sequential searches and the sweep scans. */
    public PicardDimensionResult run() {
        if (dims == null || eps == 0 || blockLength == 0) {
            throw new IllegalStateException("dims, eps and blockLength must be set before run() (dims = " + Arrays.toString(dims) + ", eps = " + eps
                    + ", blockLength = " + blockLength + ")");
        }
        ExponentialEuler sequential = new ExponentialEuler(lambda);
        List<PicardDimensionResult.Row> rows = new ArrayList<>();
        int previousSweeps = 1;
        for (int d : dims) {
            VpSchedule schedule = schedule(d, eps);
            ComplexityResult.Series series = ComplexityStudy.of(sequential).dims(d).eps(eps, eps / 2)
                    .target(n -> Targets.gaussian(n, MEAN, VARIANCE)).schedule(t -> schedule).grid(t -> Grids.uniform(t).endingAtTMin())
                    .init(Init.PRIOR).metric(TV).maxSteps(maxSteps).fromOneDimension().run().of(sequential.spec());
            ComplexityResult.Cell atEps = series.cell(d, eps);
            ComplexityResult.Cell grid = series.cell(d, eps / 2);
            if (atEps.censored() || grid.censored()) {
                throw new IllegalStateException("the sequential search in d = " + d + " needs more than maxSteps = " + maxSteps + " steps: raise maxSteps");
            }
            PicardDimensionResult.Row row = sweeps(d, schedule, atEps, grid, previousSweeps);
            rows.add(row);
            previousSweeps = row.sweeps();
        }
        return new PicardDimensionResult(lambda, eps, blockLength, rows);
    }

    /**
     * The fewest sweeps K with TV <= eps at K and K + 1 (or K = the largest block) on the grid of the eps / 2 cell's
     * steps, scanned from {@code from}: when TV <= eps there, K is the start of the run of passing counts that ends at
     * {@code from} (found downward, evaluating one count below it); else, or when that run is {@code from} alone and
     * K + 1 fails, upward to the first count that passes.
     */
    private PicardDimensionResult.Row sweeps(int d, VpSchedule schedule, ComplexityResult.Cell atEps, ComplexityResult.Cell grid, int from) {
        TimeGrid picardGrid = Grids.uniform(grid.steps()).endingAtTMin().on(schedule);
        int[] blocks = PicardBlocks.byLength(blockLength, 1, lambda).blocks(picardGrid);
        int largest = Arrays.stream(blocks).max().orElseThrow();
        TreeMap<Integer, Double> errors = new TreeMap<>();
        IntToDoubleFunction at = k -> errors.computeIfAbsent(k, sweeps -> error(d, picardGrid, sweeps));
        IntPredicate passes = k -> at.applyAsDouble(k) <= eps && (k >= largest || at.applyAsDouble(k + 1) <= eps);
        int k;
        if (everySweep) {
            k = largest;
            at.applyAsDouble(k);
        } else {
            k = Math.min(Math.max(1, from), largest);
            if (at.applyAsDouble(k) <= eps) {
                int low = k;
                while (low > 1 && at.applyAsDouble(low - 1) <= eps) {
                    low--;
                }
                k = passes.test(low) ? low : low + 1;
            }
            while (!passes.test(k)) {
                k++;
            }
        }
        int sweeps = k;
        boolean lucky = errors.headMap(sweeps).values().stream().anyMatch(e -> e <= eps);
        int rounds = Arrays.stream(blocks).map(b -> Math.min(sweeps, b)).sum();
        return new PicardDimensionResult.Row(d, horizon(d, eps), atEps.steps(), atEps.error(), atEps.monotone() && grid.monotone(), grid.steps(),
                blocks.length, largest, k, rounds, errors.get(sweeps), lucky, errors.firstKey(),
                errors.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** TV in d dimensions of picardBlocks:length,sweeps on the grid, from its 1-D law. */
    private double error(int d, TimeGrid grid, int sweeps) {
        Gaussian oneDimensional = Targets.gaussian(1, MEAN, VARIANCE);
        return ExactEvaluator.of(PicardBlocks.byLength(blockLength, sweeps, lambda)).target(oneDimensional).grid(grid).init(Init.PRIOR).evaluate()
                .replicated(d).metric(TV).upper();
    }
}
