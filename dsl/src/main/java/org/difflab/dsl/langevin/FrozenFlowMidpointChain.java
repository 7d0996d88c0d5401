package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.difflab.dsl.integrator.MidpointNoise;
import org.difflab.dsl.integrator.MidpointSelection;
import org.difflab.dsl.integrator.MidpointSelection.Rule;
import org.difflab.dsl.integrator.MidpointSelection.Share;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.tensor.Scalars;

/**
 * The frozen-flow fine chain of the Poisson midpoint method PLMC (Kandasamy and Nagaraj, "The Poisson Midpoint Method
 * for Langevin Dynamics", arXiv 2405.17068, NeurIPS 2024; research note poisson_midpoint.md, section 2), the strategy
 * that {@link org.difflab.dsl.integrator.PoissonMidpoint} runs on a Langevin problem. One step of size eta stands for K
 * sub-steps of the fine chain (LMC or ULMC with step delta = eta/K, written X' = A X + G b + Gamma Z and taken from one
 * constant {@link FrozenForceFlow}):
 * <pre>
 *   b0   = b(X_0)                                        (1 gradient)
 *   X+_i = A_{i delta} X_0 + G_{i delta} b0 + N(i)            (fine chain with the drift frozen, the SAME noise N)
 *   X_K  = A_eta X_0 + G_eta b0 + N(K) + sum_i A_{(K-1-i) delta} G_delta w H_i (b(X+_i) - b0)
 * </pre>
 * where N(i) is the fine chain's noise accumulated over sub-steps 0..i-1 and w the selection weight the knobs give
 * (1/p, so 1/(1.0/K) with {@code select=one}). All midpoints of a step depend only on X_0, b0 and the noise, so they
 * go in two batched drift calls: b0, then every selected midpoint of every chain at once. Overdamped this is the restated iteration
 * X_K = X_0 + eta b0 + eta sum_i H_i (b(X+_i) - b0) + sqrt(2 delta) sum_i Z_i; {@code K = 1} is LMC (ULMC underdamped).
 *
 * <p>Noise: {@code dense} draws the K fine increments and sums them; {@code sparse} (note section 2.4) draws only the
 * accumulated noise at the selected sub-indices and at K from the flow's covariance over each gap (the 2 x 2 OU
 * covariance per coordinate when underdamped); with {@code select=one} and {@code share=sample} it is the path over
 * the step and its Brownian bridge at each chain's own sub-index (2 draws per chain, whatever the batch).
 *
 * <p>Kept apart from the schedule chain ({@code integrator.ScheduleMidpointChain}, issue 22): there every fine step has
 * its own schedule coefficients and noise level (one model call per selected index); here the fine steps share one
 * flow and all midpoints go in one drift call; one chain would change the rounding of both.
 */
public final class FrozenFlowMidpointChain {

    private final int k;
    private final double probability;
    private final double weight;
    private final Rule selection;
    private final Dynamics dynamics;
    private final MidpointNoise noise;
    private final Share sharing;

    /**
     * @param k           sub-steps per step, >= 1
     * @param probability selection probability p of a sub-index i >= 1
     * @param weight      the weight w of a selected sub-index (1/p)
     * @param selection   Bernoulli(p) per sub-index, or exactly one sub-index
     * @param dynamics    the fine chain: overdamped LMC or ULMC
     * @param noise       dense or sparse noise
     * @param sharing     selection per chain or shared by the batch
     */
    public FrozenFlowMidpointChain(int k, double probability, double weight, Rule selection, Dynamics dynamics, MidpointNoise noise, Share sharing) {
        this.k = k;
        this.probability = probability;
        this.weight = weight;
        this.selection = selection;
        this.dynamics = dynamics;
        this.noise = noise;
        this.sharing = sharing;
    }

    /** Runs {@code ctx.steps()} PLMC steps from x. */
    public NDArray run(RunContext ctx, NDArray x) {
        FrozenForceFlow flow = dynamics.flow(ctx.friction());
        double eta = ctx.stepSize();
        for (int n = 0; n < ctx.steps(); n++) {
            double t = ctx.time(n);
            NDArray u0 = flow.position(x);
            NDArray b0 = ctx.drift(u0);
            Step step = new Step(ctx, flow, x, b0, t, eta / k);
            NDArray rest;
            if (selection == Rule.ONE && sharing == Share.SAMPLE && noise == MidpointNoise.SPARSE) {
                rest = step.bridged(ctx.uniform());
            } else {
                int[][] rowsAt = select(ctx, Math.toIntExact(x.getShape().get(0)));
                rest = noise == MidpointNoise.DENSE ? step.dense(rowsAt) : step.sparse(rowsAt);
            }
            x = ctx.endStep(n, flow.advance(x, b0, PerRow.shared(eta)).add(rest));
        }
        return x;
    }

    /** The chains (rows) that select each sub-index; rowsAt[0] is always empty (X+_0 = X_0 needs no gradient). */
    private int[][] select(RunContext ctx, int rows) {
        return MidpointSelection.draw(ctx, k, rows, probability, selection, sharing);
    }

    /**
     * One coarse step from X_0 = x: the noise and midpoint corrections added to A_eta x + G_eta b0. The midpoints of a
     * step depend only on X_0, b0 and the noise path, so all of them (every selected sub-index of every chain) are
     * evaluated in one batched drift call after the noise is drawn; the corrections are then added rank by rank (a
     * chain's first, second, .. midpoint), so each scatter touches a chain at most once.
     */
    private final class Step {
        private final RunContext ctx;
        private final FrozenForceFlow flow;
        private final NDArray x;
        private final NDArray b0;
        private final NDArray u0;
        private final double t;
        private final double delta;
        private final List<Midpoints> midpoints = new ArrayList<>();

        Step(RunContext ctx, FrozenForceFlow flow, NDArray x, NDArray b0, double t, double delta) {
            this.ctx = ctx;
            this.flow = flow;
            this.x = x;
            this.b0 = b0;
            this.u0 = flow.position(x);
            this.t = t;
            this.delta = delta;
        }

        /** Dense noise: N(i+1) = A_delta N(i) + Gamma Z_i for every sub-step; N(i) kept for the chains that select i. */
        NDArray dense(int[][] rowsAt) {
            NDArray accumulated = x.zerosLike();
            for (int i = 0; i < k; i++) {
                if (rowsAt[i].length > 0) {
                    midpoints.add(new Midpoints(i, rowsAt[i], Rows.of(x, rowsAt[i]).gather(accumulated)));
                }
                NDArray carried = flow.carry(accumulated, PerRow.shared(delta));
                accumulated = flow.noise(ctx, u0, t + i * delta, delta).addi(carried); // the fresh draw takes the sum (a + b = b + a exactly)
            }
            return accumulated.add(corrections());
        }

        /** Sparse noise for a selection shared by the batch: the accumulated noise only at the selected sub-indices and at K. */
        NDArray sparse(int[][] rowsAt) {
            NDArray accumulated = x.zerosLike();
            int previous = 0;
            for (int i = 1; i < k; i++) {
                if (rowsAt[i].length > 0) {
                    accumulated = gap(accumulated, previous, i);
                    previous = i;
                    midpoints.add(new Midpoints(i, rowsAt[i], Rows.of(x, rowsAt[i]).gather(accumulated)));
                }
            }
            return gap(accumulated, previous, k).add(corrections());
        }

        private NDArray gap(NDArray accumulated, int from, int to) {
            double s = (to - from) * delta;
            NDArray carried = flow.carry(accumulated, PerRow.shared(s));
            return flow.noise(ctx, u0, t + from * delta, s).addi(carried);
        }

        /** Sparse noise with one sub-index per chain: the path over the step and its bridge at each chain's sub-index. */
        NDArray bridged(double[] u) {
            int rows = u.length;
            int[] star = new int[rows];
            double[] at = new double[rows];
            for (int r = 0; r < rows; r++) {
                star[r] = MidpointSelection.index(u[r], k);
                at[r] = star[r] * delta;
            }
            FrozenForceFlow.Split path = flow.split(ctx, u0, t, k * delta, at);
            int[] selected = IntStream.range(0, rows).filter(r -> star[r] > 0).toArray();
            if (selected.length == 0) {
                return path.atEnd();
            }
            double[] s = new double[selected.length];
            double[] after = new double[selected.length];
            for (int j = 0; j < selected.length; j++) {
                s[j] = at[selected[j]];
                after[j] = (k - 1 - star[selected[j]]) * delta;
            }
            Rows sub = Rows.of(x, selected);
            NDArray change = change(sub.gather(x), sub.gather(b0), sub.gather(path.atSplit()), s);
            return sub.addTo(path.atEnd(), flow.push(change, delta, after));
        }

        /** w (b(X+) - b0) at X+ = A_s X_0 + G_s b0 + N, for gathered rows, in one drift call. */
        private NDArray change(NDArray x0, NDArray b, NDArray noise, double[] s) {
            NDArray plus = flow.position(flow.advance(x0, b, s).add(noise));
            return Scalars.mul(ctx.drift(plus).sub(b), weight);
        }

        /** sum over the selected (chain, i) of A_{(K-1-i) delta} G_delta w (b(X+_i) - b0), zero without midpoints. */
        private NDArray corrections() {
            NDArray total = x.zerosLike();
            if (midpoints.isEmpty()) {
                return total;
            }
            int rows = Math.toIntExact(x.getShape().get(0));
            int[] rank = new int[rows];
            List<List<int[]>> byRank = new ArrayList<>(); // per rank: (midpoint list index, position in its rows)
            int pairs = 0;
            for (int m = 0; m < midpoints.size(); m++) {
                int[] r = midpoints.get(m).rows();
                for (int j = 0; j < r.length; j++) {
                    int level = rank[r[j]]++;
                    if (level == byRank.size()) {
                        byRank.add(new ArrayList<>());
                    }
                    byRank.get(level).add(new int[] {m, j});
                    pairs++;
                }
            }
            int[] offset = new int[midpoints.size()];
            for (int m = 1; m < offset.length; m++) {
                offset[m] = offset[m - 1] + midpoints.get(m - 1).rows().length;
            }
            int[] order = new int[pairs];
            int[] chain = new int[pairs];
            double[] s = new double[pairs];
            double[] after = new double[pairs];
            int[] rankStart = new int[byRank.size() + 1];
            int at = 0;
            for (int level = 0; level < byRank.size(); level++) {
                rankStart[level] = at;
                for (int[] pair : byRank.get(level)) {
                    Midpoints mp = midpoints.get(pair[0]);
                    order[at] = offset[pair[0]] + pair[1];
                    chain[at] = mp.rows()[pair[1]];
                    s[at] = mp.index() * delta;
                    after[at] = (k - 1 - mp.index()) * delta;
                    at++;
                }
            }
            rankStart[byRank.size()] = pairs;
            NDList noises = new NDList();
            for (Midpoints mp : midpoints) {
                noises.add(mp.noise());
            }
            NDArray stacked = noises.size() == 1 ? noises.get(0) : NDArrays.concat(noises, 0);
            NDArray noise = Rows.of(stacked, order).gather(stacked);
            Rows all = Rows.of(x, chain);
            NDArray pushed = flow.push(change(all.gather(x), all.gather(b0), noise, s), delta, after);
            for (int level = 0; level < byRank.size(); level++) {
                int[] these = Arrays.copyOfRange(chain, rankStart[level], rankStart[level + 1]);
                NDArray part = pushed.get(rankStart[level] + ":" + rankStart[level + 1]);
                total = Rows.of(x, these).addTo(total, part);
            }
            return total;
        }
    }

    /** The chains that select sub-index i and their accumulated noise N(i), gathered. */
    private record Midpoints(int index, int[] rows, NDArray noise) {
    }
}
