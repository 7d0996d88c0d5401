package org.difflab.dsl.parallel;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.difflab.dsl.Require;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Ddpm;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.integrator.SteppedIntegrator;
import org.difflab.dsl.model.Prediction;

/**
 * ParaDiGMS (Shih, Belkhale, Ermon, Sadigh and Anari 2023, arXiv 2305.16317; research note mlem_parallel.md C.2):
 * Picard iteration of any {@link SteppedIntegrator} x_{j+1} = x_j + D_j(x_j) + n_j over a sliding window. The noise
 * n_j is drawn up front, in the sequential sampler's order, so the fixed point is the sequential sampler's output
 * with the same seed. Each iteration evaluates the window [b, e) in one batched call, rebuilds its points by prefix
 * sums from X[b], and slides to the first point whose mean square change per dimension over the next step's noise
 * variance exceeds tol^2 (for deterministic samplers DDPM's posterior variance stands in, as in the authors' code);
 * at most T iterations, since each accepts at least one point. tol = 0 reproduces the wrapped sampler to rounding.
 *
 * <p>Every sample runs its own window (its convergence decides only its own slides), so samples do not depend on
 * the batch; the rows are processed one after the other, each iteration of a row one batched call over its window.
 * Counters: {@link RunContext#ROUNDS} the most iterations any row needed (the depth if rows ran side by side),
 * {@link #EXTRA} model evaluations beyond one per step, summed over rows (per sample: nfe / rows).
 *
 * <p>Not in the {@link org.difflab.dsl.integrator.Integrators} registry yet: one row at a time is too slow for the
 * conformance suite's 10,000 samples of 1,000 steps. Running the rows side by side, grouped by window, is the next
 * step; build it with {@link #of} or the constructor.
 */
public final class Paradigms implements Integrator {
    /** Counter of model evaluations beyond one per step. */
    public static final String EXTRA = "extraCalls";

    private final SteppedIntegrator sampler;
    private final int window;
    private final double tolerance;

    /**
     * @param sampler   the sequential sampler
     * @param window    p, points per batched call, &gt;= 1
     * @param tolerance tol &gt;= 0
     */
    public Paradigms(SteppedIntegrator sampler, int window, double tolerance) {
        this.sampler = Require.notNull("sampler", sampler);
        this.window = Require.positive("window", window);
        this.tolerance = Require.nonNegative("tol", tolerance);
    }

    /** ParaDiGMS over a registered one-step sampler (default parameters), e.g. {@code of("ddpm", 16, 0.1)}. */
    public static Paradigms of(String sampler, int window, double tolerance) {
        if (!(org.difflab.dsl.integrator.Integrators.parse(sampler) instanceof SteppedIntegrator stepped)) {
            throw new IllegalArgumentException("sampler = " + sampler + " is not allowed: a one-step sampler that exposes its step without "
                    + "noise (ddpm, ddim, dpmSolverPP2M, eulerMaruyama, exponentialEuler)");
        }
        return new Paradigms(stepped, window, tolerance);
    }

    @Override
    public String name() {
        return "paradigms";
    }

    @Override
    public String spec() {
        return "paradigms:sampler=" + sampler.name() + ",window=" + window + ",tol=" + tolerance;
    }

    public SteppedIntegrator sampler() {
        return sampler;
    }

    @Override
    public int nfePerStep() {
        return 1;
    }

    @Override
    public boolean stochastic() {
        return sampler.stochastic();
    }

    @Override
    public double expectedOrder() {
        return sampler.expectedOrder();
    }

    @Override
    public Optional<String> randomNfeCounter() {
        return Optional.of(EXTRA);
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        TimeGrid grid = ctx.grid();
        int steps = grid.steps();
        int rows = (int) x.getShape().get(0);
        NDArray[] noise = new NDArray[steps];
        for (int j = 0; j < steps; j++) {
            double scale = sampler.noiseScale(grid, j);
            noise[j] = scale > 0 ? ctx.normal(x, j).mul(scale) : null;
        }
        double[] reference = new double[steps + 1];
        Ddpm posterior = new Ddpm(Ddpm.Variance.SMALL);
        for (int j = 1; j < steps; j++) {
            double s = sampler.stochastic() ? sampler.noiseScale(grid, j) : posterior.noiseScale(grid, j);
            reference[j] = s * s;
        }
        double dimension = x.size() / (double) rows;
        NDList out = new NDList();
        List<Row> done = new ArrayList<>();
        long rounds = 0;
        for (int r = 0; r < rows; r++) {
            int row = r;
            Row state = new Row(x.get(r + ":" + (r + 1)), steps);
            while (state.begin < steps) {
                try (NDScope iteration = new NDScope()) {
                    state.iterate(ctx, j -> noise[j] == null ? null : noise[j].get(row + ":" + (row + 1)), reference, dimension);
                }
            }
            rounds = Math.max(rounds, state.iterations);
            out.add(state.points[steps]);
            done.add(state);
        }
        ctx.count(RunContext.ROUNDS, rounds);
        ctx.count(EXTRA, ctx.nfe() - steps);
        NDArray result = rows == 1 ? out.get(0).duplicate() : NDArrays.concat(out, 0);
        done.forEach(Row::close);
        return ctx.endStep(steps - 1, result);
    }

    /** One sample's buffer X[0..T] and window [begin, end). */
    private final class Row {
        final NDArray[] points;
        int begin;
        int end;
        NDArray previousX0;
        int iterations;
        /** Arrays this row took out of the iteration scopes; closed once no point refers to them. */
        final Set<NDArray> owned = Collections.newSetFromMap(new IdentityHashMap<>());

        Row(NDArray start, int steps) {
            points = new NDArray[steps + 1];
            end = Math.min(window, steps);
            for (int j = 0; j <= end; j++) {
                points[j] = start;
            }
        }

        /** One iteration: a batched call over the window, prefix sums, the slide; keeps what the next needs. */
        void iterate(RunContext ctx, java.util.function.IntFunction<NDArray> noise, double[] reference, double dimension) {
            int length = end - begin;
            NDArray[] xs = new NDArray[length];
            int[] at = new int[length];
            for (int k = 0; k < length; k++) {
                xs[k] = points[begin + k];
                at[k] = begin + k;
            }
            Prediction[] predictions = ctx.predictAll(xs, at);
            iterations++;
            NDArray sum = points[begin];
            NDArray[] updated = new NDArray[length];
            int first = length; // the first window position whose point moved by more than the tolerance
            for (int k = 0; k < length; k++) {
                int j = begin + k;
                NDArray previous = !sampler.multistep() ? null : k == 0 ? previousX0 : predictions[k - 1].x0();
                NDArray increment = sampler.stepWithoutNoise(ctx.grid(), j, points[j], predictions[k], previous).sub(points[j]);
                NDArray n = noise.apply(j);
                sum = sum.add(n == null ? increment : increment.add(n));
                updated[k] = sum;
                if (first == length) {
                    double change = sum.sub(points[j + 1]).square().sum().getDouble();
                    double limit = tolerance * tolerance * dimension * reference[j + 1];
                    if (!(change <= limit) || j + 1 == points.length - 1) {
                        first = k;
                    }
                }
            }
            int accepted = Math.min(first + 1, window);
            List<NDArray> keep = new ArrayList<>();
            for (int k = 0; k < length; k++) {
                points[begin + k + 1] = updated[k];
                keep.add(updated[k]);
            }
            if (sampler.multistep()) {
                previousX0 = predictions[accepted - 1].x0();
                keep.add(previousX0);
            }
            int nextBegin = begin + accepted;
            int nextEnd = Math.min(nextBegin + window, points.length - 1);
            for (int j = end + 1; j <= nextEnd; j++) {
                points[j] = points[end];
            }
            begin = nextBegin;
            end = nextEnd;
            for (NDArray a : keep) {
                NDScope.unregister(a);
                owned.add(a);
            }
            Set<NDArray> live = Collections.newSetFromMap(new IdentityHashMap<>());
            live.addAll(Arrays.asList(points).subList(begin, points.length));
            live.add(previousX0);
            owned.removeIf(a -> {
                if (live.contains(a)) {
                    return false;
                }
                a.close();
                return true;
            });
        }

        /** Frees this row's arrays (after its result has been used). */
        void close() {
            owned.forEach(NDArray::close);
            owned.clear();
        }
    }
}
