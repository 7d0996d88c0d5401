package org.difflab.dsl.parallel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.difflab.dsl.Require;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.ExponentialEuler;
import org.difflab.dsl.integrator.ExponentialStep;
import org.difflab.dsl.integrator.IntegratorInfo;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.model.Prediction;
import org.difflab.dsl.tensor.RowReductions;

/**
 * PIADM's parallel Picard blocks (Chen, Ren, Ying and Rotskoff 2024, arXiv 2405.15986; research note
 * mlem_parallel.md B.2-B.3, a reconstruction from the paper's captions [R]): the grid is cut into blocks; inside a
 * block the noise is drawn once and reused by every sweep, all points start at the block's initial state [R], and
 * sweep k evaluates the scores of iterate k - 1 at every grid point of the block in one batched call (the first
 * point's score, at the fixed initial state, only in the first sweep) and rebuilds every point by the exponential
 * integrator's recurrence y_{m+1} = decay_m y_m + w_m S_m + noise_m with the frozen scores, a weighted prefix scan
 * with no model call. Iterate k is exact on the block's first k + 1 points, so as many sweeps as points reproduces
 * {@link ExponentialEuler} (operation for operation, so bit for bit when the model's batched evaluation is).
 *
 * <p>Two ways to cut the grid:
 * <ul>
 *   <li>by step count ({@code points}): blocks of {@code points} steps, {@code sweeps} fixed or, by default, until
 *       every row's largest mean square change per dimension over the step's reverse-SDE noise variance is at most
 *       tol^2 (a ParaDiGMS-style stop, DiffLab's addition; a row that meets it keeps that iterate, its change measured
 *       by {@link RowReductions#sumsOfSquares}, so samples do not depend on the batch). Capped at the block's points,
 *       this stop can sweep as often as there are steps and then saves no sequential depth;</li>
 *   <li>by diffusion time ({@code length}), the paper's regime (Figure 1 caption: O(log d) blocks of O(1) length,
 *       K Picard iterations each, K N rounds): a block is the longest run of consecutive steps whose span in OU time
 *       s(t) = -ln alpha(t) (the time of dX = -X ds + sqrt(2) dW, which the paper's analysis uses) is at most
 *       {@code length} (at least one step), so the number of blocks is the horizon s(t_0) over the length whatever
 *       the grid's resolution; exactly K = {@code sweeps} sweeps per block (fewer only where a block has fewer
 *       points), no tolerance. On a schedule with alpha = 1 throughout (variance exploding) the whole grid is one
 *       block.</li>
 * </ul>
 * lambda = 1: PIADM-SDE; lambda = 0: the probability-flow predictor of PIADM-ODE without its underdamped-Langevin
 * corrector (not built: "predictor only").
 *
 * <p>Counters: {@link RunContext#ROUNDS} sweeps (batched calls), {@link #EXTRA} evaluations beyond one per step,
 * {@link RunContext#TOLERANCE_STOPS} rows that met the tolerance before the last sweep, summed over blocks (whenever
 * tol &gt; 0).
 * Registered as {@code picardBlocks:points=8,sweeps=inf,tol=0.01,lambda=1}, or {@code picardBlocks:length=1,sweeps=K}.
 */
public final class PicardBlocks extends ParallelInTime {

    private final int points;
    private final double length;
    private final int sweeps;
    private final double tolerance;
    private final ExponentialEuler sequential;

    /**
     * @param points    steps per block, &gt;= 1
     * @param sweeps    Picard sweeps per block, &gt;= 1 (Integer.MAX_VALUE: until the tolerance, at most points)
     * @param tolerance tol &gt;= 0 (0: run every sweep)
     * @param lambda    noise scale: 1 the reverse SDE, 0 the probability-flow ODE
     */
    public PicardBlocks(int points, int sweeps, double tolerance, double lambda) {
        this(Require.positive("points", points), 0, sweeps, tolerance, lambda);
    }

    private PicardBlocks(int points, double length, int sweeps, double tolerance, double lambda) {
        super(new IntegratorInfo("picardBlocks", 1, lambda > 0, 1)); // stochastic as its sequential sampler, exponentialEuler
        this.points = points;
        this.length = length;
        this.sweeps = Require.positive("sweeps", sweeps);
        this.tolerance = Require.nonNegative("tol", tolerance);
        this.sequential = new ExponentialEuler(lambda);
    }

    /**
     * PIADM's regime: blocks of at most {@code length} in OU time -ln alpha(t), exactly {@code sweeps} sweeps each, no
     * tolerance.
     *
     * @param length the blocks' span in OU time, a finite number &gt; 0
     * @param sweeps K, Picard sweeps per block, an integer &gt;= 1 (not "until tol": a fixed K is what bounds the rounds)
     * @param lambda noise scale: 1 the reverse SDE, 0 the probability-flow ODE
     */
    public static PicardBlocks byLength(double length, int sweeps, double lambda) {
        Require.positive("length", length);
        if (sweeps == Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sweeps = inf is not allowed with length = " + length + ": must be an integer >= 1 (a fixed K)");
        }
        return new PicardBlocks(0, length, sweeps, 0, lambda);
    }

    @Override
    public String spec() {
        String tail = sequential.spec().substring(sequential.spec().indexOf(':') + 1);
        if (length > 0) {
            return "picardBlocks:length=" + length + ",sweeps=" + sweeps + "," + tail;
        }
        return "picardBlocks:points=" + points + ",sweeps=" + (sweeps == Integer.MAX_VALUE ? "inf" : sweeps) + ",tol=" + tolerance + "," + tail;
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        TimeGrid grid = ctx.grid();
        long rounds = 0;
        long frozen = 0;
        for (int start = 0; start < grid.steps(); ) {
            int m = blockSteps(grid, start);
            ExponentialStep[] step = new ExponentialStep[m];
            NDArray[] noise = new NDArray[m];
            double[] reference = new double[m];
            for (int j = 0; j < m; j++) {
                step[j] = sequential.step(grid, start + j);
                noise[j] = step[j].noiseScale() > 0 ? ctx.normal(x, start + j).mul(step[j].noiseScale()) : null;
                double s = ExponentialStep.of(grid.schedule(), grid.t(start + j), grid.t(start + j + 1) - grid.t(start + j), 1).noiseScale();
                reference[j] = s * s;
            }
            NDArray[] y = new NDArray[m + 1];
            Arrays.fill(y, x);
            NDArray[] scores = new NDArray[m];
            double[] converged = new double[(int) x.getShape().get(0)]; // 1 for rows whose iterate is final
            int limit = Math.min(sweeps, m);
            try {
                for (int k = 1; k <= limit; k++) {
                    ctx.stopIfInterrupted("in sweep " + k + " of the block from step " + (start + 1), start);
                    int from = k == 1 ? 0 : 1;
                    NDArray[] previousScores = scores.clone();
                    NDArray[] next = new NDArray[m + 1];
                    boolean all;
                    try (NDScope sweep = new NDScope()) { // a sweep's temporaries go at its end, not at the block's
                        NDArray[] xs = Arrays.copyOfRange(y, from, m);
                        int[] at = new int[m - from];
                        for (int j = 0; j < at.length; j++) {
                            at[j] = start + from + j;
                        }
                        Prediction[] p = ctx.predictAll(xs, at);
                        for (int j = 0; j < p.length; j++) {
                            scores[from + j] = p[j].score();
                        }
                        next[0] = x;
                        for (int j = 0; j < m; j++) {
                            NDArray v = next[j].mul(step[j].decay()).add(scores[j].mul(step[j].scoreWeight()));
                            next[j + 1] = noise[j] == null ? v : v.add(noise[j]);
                        }
                        all = tolerance > 0 && freeze(next, y, converged, reference);
                        keep(next, 1, m + 1);
                        keep(scores, from, m);
                    }
                    rounds++;
                    release(previousScores, from, m, x);
                    release(y, 1, m + 1, x);
                    y = next;
                    if (all) {
                        break;
                    }
                }
            } catch (RuntimeException stopped) { // an interrupt between sweeps, or a failure: free what the sweeps kept
                release(y, 1, m + 1, x);
                release(scores, 0, m, x);
                throw stopped;
            }
            for (double c : converged) {
                frozen += (long) c;
            }
            x = ctx.endStep(start + m - 1, y[m]);
            release(y, 1, m, x);
            release(scores, 0, m, x);
            start += m;
        }
        ctx.count(RunContext.ROUNDS, rounds);
        countExtra(ctx, grid.steps());
        if (tolerance > 0) {
            ctx.count(RunContext.TOLERANCE_STOPS, frozen);
        }
        return x;
    }

    /** Takes a[from..to) out of the current scope: they outlive the sweep that made them. */
    private static void keep(NDArray[] a, int from, int to) {
        for (int j = from; j < to; j++) {
            NDScope.unregister(a[j]);
        }
    }

    /** Frees a[from..to) (taken out of their scope by {@link #keep}), never {@code x}, the block's fixed initial state. */
    private static void release(NDArray[] a, int from, int to, NDArray x) {
        for (int j = from; j < to; j++) {
            if (a[j] != null && a[j] != x && !a[j].isReleased()) {
                a[j].close();
            }
        }
    }

    /** The steps of each block this integrator cuts the grid into, in order (they sum to the grid's steps). */
    public int[] blocks(TimeGrid grid) {
        List<Integer> sizes = new ArrayList<>();
        for (int start = 0; start < grid.steps(); start += sizes.get(sizes.size() - 1)) {
            sizes.add(blockSteps(grid, start));
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Steps in the block from step {@code start}: {@code points}, or the longest run spanning at most {@code length} in OU time. */
    private int blockSteps(TimeGrid grid, int start) {
        if (length == 0) {
            return Math.min(points, grid.steps() - start);
        }
        double from = -Math.log(grid.schedule().alpha(grid.t(start)));
        int m = 1;
        while (start + m < grid.steps() && from + Math.log(grid.schedule().alpha(grid.t(start + m + 1))) <= length * (1 + 1e-12)) {
            m++;
        }
        return m;
    }

    /**
     * Marks the rows whose largest change over the block meets the tolerance and puts back the previous iterate of
     * rows marked before (their result is final); true when every row is marked.
     */
    private boolean freeze(NDArray[] next, NDArray[] previous, double[] converged, double[] reference) {
        int rows = converged.length;
        double[] worst = new double[rows];
        long perRow = next[0].size() / rows;
        for (int j = 1; j < next.length; j++) {
            double[] change = RowReductions.sumsOfSquares(next[j].sub(previous[j]));
            for (int r = 0; r < rows; r++) {
                worst[r] = Math.max(worst[r], change[r] / (perRow * reference[j - 1]));
            }
        }
        boolean frozenBefore = false;
        for (double c : converged) {
            frozenBefore |= c == 1;
        }
        if (frozenBefore) {
            boolean[] frozen = new boolean[rows];
            for (int r = 0; r < rows; r++) {
                frozen[r] = converged[r] == 1;
            }
            long[] shape = new long[next[0].getShape().dimension()];
            Arrays.fill(shape, 1);
            shape[0] = rows;
            NDArray mask = next[0].getManager().create(frozen).reshape(shape).broadcast(next[0].getShape());
            for (int j = 1; j < next.length; j++) {
                next[j] = NDArrays.where(mask, previous[j], next[j]);
            }
        }
        boolean all = true;
        for (int r = 0; r < rows; r++) {
            if (worst[r] <= tolerance * tolerance) {
                converged[r] = 1;
            }
            all &= converged[r] == 1;
        }
        return all;
    }
}
