package org.difflab.dsl.parallel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.difflab.dsl.Require;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Ddpm;
import org.difflab.dsl.integrator.IntegratorInfo;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.integrator.SteppedIntegrator;
import org.difflab.dsl.model.Prediction;
import org.difflab.dsl.tensor.RowReductions;

/**
 * ParaDiGMS (Shih, Belkhale, Ermon, Sadigh and Anari 2023, arXiv 2305.16317; research note mlem_parallel.md C.2):
 * Picard iteration of any {@link SteppedIntegrator} x_{j+1} = x_j + D_j(x_j) + n_j over a sliding window. The noise
 * n_j is drawn up front, in the sequential sampler's order, so the fixed point is the sequential sampler's output
 * with the same seed. Each iteration evaluates the window [b, e) in one batched call, rebuilds its points by prefix
 * sums from X[b], and slides to the first point whose mean square change per dimension over the next step's noise
 * variance exceeds tol^2 (for deterministic samplers DDPM's posterior variance stands in, as in the authors' code);
 * at most T iterations, since each accepts at least one point. tol = 0 reproduces the wrapped sampler to rounding.
 *
 * <p>By default every sample runs its own window (its convergence decides only its own slides, its change measured by
 * {@link RowReductions#sumsOfSquares}), so samples do not depend on the batch. With {@code share=batch} the batch
 * shares one window slid by its slowest sample, as the official code does ({@link SlidingWindows}); the fixed point is
 * the same, but a sample's iterates, and so its bits at tol &gt; 0, then depend on the rest of its batch. The rows run side by side: each round is one batched call that evaluates every grid point some row's
 * window covers, with those rows only. Counters: {@link RunContext#ROUNDS} the rounds (batched calls, the depth),
 * {@link #EVALUATIONS} the model evaluations summed over samples (the work; per sample: divide by the rows), and
 * {@link #EXTRA} the batched evaluations (one per grid point per round) beyond one per step, and, when tol &gt; 0,
 * {@link RunContext#TOLERANCE_STOPS} the points accepted beyond one per row and round. Memory grows with T: the
 * noise of every step is drawn up front, and the current iterate of every point is kept.
 *
 * <p>Registered as {@code paradigms:sampler=ddpm,window=16,tol=0.1} (the paper's tol), or built with {@link #of} or
 * the constructor around any one-step sampler.
 */
public final class Paradigms extends ParallelInTime {
    /** Counter of model evaluations summed over samples. */
    public static final String EVALUATIONS = "sampleEvaluations";

    private final SteppedIntegrator sampler;
    private final int window;
    private final double tolerance;
    private final boolean shared;

    /** Per-sample windows (the default). */
    public Paradigms(SteppedIntegrator sampler, int window, double tolerance) {
        this(sampler, window, tolerance, false);
    }

    /**
     * @param sampler   the sequential sampler
     * @param window    p, points per batched call, &gt;= 1
     * @param tolerance tol &gt;= 0
     * @param shared    one window for the batch, slid by its slowest sample (the official code); false: one per sample.
     *                  Refused for a multistep sampler (its carried prediction is kept per row at the row's own slide)
     */
    public Paradigms(SteppedIntegrator sampler, int window, double tolerance, boolean shared) {
        super(new IntegratorInfo("paradigms", 1, Require.notNull("sampler", sampler).stochastic(), sampler.expectedOrder()));
        this.sampler = sampler;
        this.window = Require.positive("window", window);
        this.tolerance = Require.nonNegative("tol", tolerance);
        if (shared && sampler.multistep()) {
            throw new IllegalArgumentException("share = batch is not allowed with sampler = " + sampler.spec() + ": a batch-shared window "
                    + "needs a one-step sampler without a carried prediction (ddpm, ddim, eulerMaruyama, exponentialEuler); use share=sample");
        }
        this.shared = shared;
    }

    @Override
    public String spec() {
        return "paradigms:sampler=" + sampler.spec() + ",window=" + window + ",tol=" + tolerance + (shared ? ",share=batch" : "");
    }

    public SteppedIntegrator sampler() {
        return sampler;
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        TimeGrid grid = ctx.grid();
        int steps = grid.steps();
        int rows = (int) x.getShape().get(0);
        Noise noise = new Noise(ctx, x, steps);
        double[] limit = new double[steps + 1];
        Ddpm posterior = new Ddpm(Ddpm.Variance.SMALL);
        double dimension = x.size() / (double) rows;
        for (int j = 1; j < steps; j++) {
            double s = sampler.stochastic() ? sampler.noiseScale(grid, j) : posterior.noiseScale(grid, j);
            limit[j] = tolerance * tolerance * dimension * s * s;
        }
        SlidingWindows windows = new SlidingWindows(rows, steps, window, shared);
        NDArray[] points = new NDArray[steps + 1];
        for (int j = 0; j <= windows.end[0]; j++) {
            points[j] = x;
        }
        Owned owned = new Owned(x);
        NDArray previousX0 = null;
        long rounds = 0;
        long evaluations = 0;
        long earlyAccepted = 0;
        try {
            while (!windows.done()) {
                ctx.stopIfInterrupted("in round " + (rounds + 1), windows.lowestBegin());
                try (NDScope round = new NDScope()) {
                    Round r = new Round(ctx, windows, points, previousX0, noise, limit);
                    rounds++;
                    evaluations += r.evaluations;
                    previousX0 = r.previousX0;
                    earlyAccepted += windows.slide(r.first);
                    r.fill();
                    owned.keep(points, previousX0, windows.lowestBegin());
                }
            }
        } catch (RuntimeException stopped) { // an interrupt between rounds, or a failure: free what the rounds kept
            owned.release(null);
            throw stopped;
        }
        NDArray result = points[steps];
        owned.release(result);
        ctx.count(RunContext.ROUNDS, rounds);
        ctx.count(EVALUATIONS, evaluations);
        countExtra(ctx, steps);
        if (tolerance > 0) {
            ctx.count(RunContext.TOLERANCE_STOPS, earlyAccepted);
        }
        return ctx.endStep(steps - 1, result);
    }

    /**
     * The noise of every step, drawn up front in the sequential sampler's order and scaled, kept as one stacked tensor
     * [T, rows, ...] (one allocation: T small tensors kept for the whole run left the allocator's heap fragmented,
     * 115 MB of resident growth over a 10,000-step run after an equal warm-up).
     */
    private final class Noise {
        private final boolean[] drawn;
        private final NDArray all;

        Noise(RunContext ctx, NDArray x, int steps) {
            drawn = new boolean[steps];
            double[] scale = new double[steps];
            boolean any = false;
            for (int j = 0; j < steps; j++) {
                scale[j] = sampler.noiseScale(ctx.grid(), j);
                drawn[j] = scale[j] > 0;
                any |= drawn[j];
            }
            NDArray stacked = null;
            if (any) {
                try (NDScope draws = new NDScope()) {
                    NDList scaled = new NDList();
                    for (int j = 0; j < steps; j++) {
                        if (j % 1024 == 0) {
                            ctx.stopIfInterrupted("while drawing the noise of step " + (j + 1), 0);
                        }
                        scaled.add(drawn[j] ? ctx.normal(x, j).mul(scale[j]) : x.zerosLike());
                    }
                    stacked = NDArrays.stack(scaled);
                    NDScope.unregister(stacked);
                }
                NDScope.register(stacked);
            }
            all = stacked;
        }

        boolean drawn(int j) {
            return drawn[j];
        }

        /** The noise of step j for the given rows. */
        NDArray rows(int j, NDArray index) {
            return all.get(j).get(index);
        }
    }

    /**
     * One iteration for every active row: one batched call over all windows (a grid point once, with the rows whose
     * window covers it), then per grid point in order the step without noise, the prefix sums from each row's window
     * start and the change against the previous iterate.
     */
    private final class Round {
        final SlidingWindows windows;
        final NDArray[] points;
        long evaluations;
        /** Per row: the window offset of its first point that moved by more than the tolerance, or -1. */
        final int[] first;
        NDArray previousX0;

        Round(RunContext ctx, SlidingWindows windows, NDArray[] points, NDArray previousX0, Noise noise, double[] limit) {
            this.windows = windows;
            this.points = points;
            int rows = windows.begin.length;
            first = new int[rows];
            Arrays.fill(first, -1);
            List<long[]> covering = new ArrayList<>();
            List<Integer> at = new ArrayList<>();
            int hi = 0;
            for (int e : windows.end) {
                hi = Math.max(hi, e);
            }
            for (int j = windows.lowestBegin(); j < hi; j++) {
                long[] idx = windows.covering(j);
                if (idx.length > 0) {
                    covering.add(idx);
                    at.add(j);
                    evaluations += idx.length;
                }
            }
            NDManager manager = points[at.get(0)].getManager();
            NDArray[] index = new NDArray[at.size()];
            NDArray[] xs = new NDArray[at.size()];
            for (int g = 0; g < xs.length; g++) {
                index[g] = manager.create(covering.get(g));
                xs[g] = points[at.get(g)].get(index[g]);
            }
            Prediction[] predictions = ctx.predictAll(xs, at.stream().mapToInt(Integer::intValue).toArray());
            NDArray sum = null;
            NDArray lastX0 = previousX0;
            this.previousX0 = previousX0;
            for (int g = 0; g < xs.length; g++) {
                int j = at.get(g);
                long[] idx = covering.get(g);
                long[] starting = Arrays.stream(idx).filter(r -> windows.begin[(int) r] == j).toArray();
                if (starting.length > 0) {
                    NDArray from = manager.create(starting);
                    sum = sum == null ? points[j] : scatter(sum, from, points[j].get(from));
                }
                NDArray previous = !sampler.multistep() || j == 0 ? null : lastX0.get(index[g]);
                NDArray increment = sampler.stepWithoutNoise(ctx.grid(), j, xs[g], predictions[g], previous).sub(xs[g]);
                NDArray updated = sum.get(index[g]).add(noise.drawn(j) ? increment.add(noise.rows(j, index[g])) : increment);
                sum = scatter(sum, index[g], updated);
                double[] change = RowReductions.sumsOfSquares(updated.sub(points[j + 1].get(index[g])));
                List<Long> accepting = new ArrayList<>();
                List<Long> acceptingAt = new ArrayList<>();
                for (int k = 0; k < idx.length; k++) {
                    int r = (int) idx[k];
                    int offset = j - windows.begin[r];
                    if (first[r] < 0 && (!(change[k] <= limit[j + 1]) || j + 1 == windows.steps)) {
                        first[r] = offset;
                    }
                    if (sampler.multistep() && offset == windows.lastAccepted(r, first[r])) {
                        accepting.add(idx[k]);
                        acceptingAt.add((long) k);
                    }
                }
                points[j + 1] = scatter(points[j + 1], index[g], updated);
                if (sampler.multistep()) {
                    NDArray x0 = predictions[g].x0();
                    lastX0 = lastX0 == null ? x0.getManager().zeros(sum.getShape(), sum.getDataType()) : lastX0;
                    lastX0 = scatter(lastX0, index[g], x0);
                    if (!accepting.isEmpty()) {
                        NDArray rowsAccepting = manager.create(accepting.stream().mapToLong(Long::longValue).toArray());
                        NDArray theirX0 = x0.get(manager.create(acceptingAt.stream().mapToLong(Long::longValue).toArray()));
                        this.previousX0 = scatter(this.previousX0 == null ? lastX0 : this.previousX0, rowsAccepting, theirX0);
                    }
                }
            }
        }

        /** Points a window newly covers start at the row's last point before the slide (rows grouped by that point). */
        void fill() {
            TreeMap<Integer, List<Integer>> byPrevious = new TreeMap<>();
            for (int r = 0; r < windows.begin.length; r++) {
                if (windows.end[r] > windows.previousEnd[r]) {
                    byPrevious.computeIfAbsent(windows.previousEnd[r], k -> new ArrayList<>()).add(r);
                }
            }
            NDManager manager = points[0].getManager();
            byPrevious.forEach((from, rows) -> {
                for (int j = from + 1; ; j++) {
                    int jj = j;
                    long[] idx = rows.stream().filter(r -> windows.end[r] >= jj).mapToLong(Integer::longValue).toArray();
                    if (idx.length == 0) {
                        break;
                    }
                    NDArray index = manager.create(idx);
                    points[j] = scatter(points[j] == null ? points[from] : points[j], index, points[from].get(index));
                }
            });
        }
    }

    /** A copy of {@code full} with the rows at {@code index} replaced by {@code rows}. */
    private static NDArray scatter(NDArray full, NDArray index, NDArray rows) {
        NDArray out = full.duplicate();
        out.set(new NDIndex("{}", index), rows);
        return out;
    }

    /** The arrays the run keeps across rounds (taken out of the round scopes), freed once nothing refers to them. */
    private static final class Owned {
        private final Set<NDArray> arrays = Collections.newSetFromMap(new IdentityHashMap<>());
        /** The run's initial state, which the run context owns. */
        private final NDArray initial;

        Owned(NDArray initial) {
            this.initial = initial;
        }

        /** Keeps the points from {@code from} on and {@code previousX0}, frees the rest. */
        void keep(NDArray[] points, NDArray previousX0, int from) {
            Set<NDArray> live = Collections.newSetFromMap(new IdentityHashMap<>());
            live.addAll(Arrays.asList(points).subList(from, points.length));
            live.add(previousX0);
            live.remove(null);
            for (NDArray a : live) {
                if (a != initial && arrays.add(a)) {
                    NDScope.unregister(a);
                }
            }
            arrays.removeIf(a -> {
                if (live.contains(a)) {
                    return false;
                }
                a.close();
                return true;
            });
        }

        /** Frees everything but the result. */
        void release(NDArray result) {
            arrays.remove(result);
            arrays.forEach(NDArray::close);
            arrays.clear();
        }
    }
}
