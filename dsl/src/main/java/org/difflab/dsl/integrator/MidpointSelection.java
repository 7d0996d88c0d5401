package org.difflab.dsl.integrator;

import java.util.Arrays;

/**
 * The midpoint selection of one Poisson midpoint block (Kandasamy and Nagaraj, arXiv 2405.17068; research note
 * poisson_midpoint.md, sections 2.2 and 2.6): which rows (samples or chains) evaluate the drift at each fine index
 * i = 1..K-1 of a block. Shared by the diffusion {@code poissonMidpoint} and the Langevin {@code plmc}, which draw
 * their selections from the run's noise stream in the same order, so that one seed selects the same indices in both:
 * <ul>
 *   <li>Bernoulli (the paper's rule at lambda = 1; other lambda is the note's variant V2 [R]): one draw per index
 *       i = 1..K-1, H_i ~ Bernoulli(p); batch-shared: one shared uniform per index, per-row: one uniform per row;</li>
 *   <li>exactly one index (variant V3 [R]): i* = floor(u K), from one shared uniform or one uniform per row; i* = 0
 *       selects nothing (X+_0 = X_0 needs no evaluation).</li>
 * </ul>
 * The weights (1/p or K) are not part of the draw: each chain applies its own, in its own rounding.
 */
public final class MidpointSelection {

    /** How the midpoint indices of a block are chosen. */
    public enum Rule {
        /** H_i ~ Bernoulli(p) for i = 1..K-1 (the paper's rule at p = 1/K). */
        BERNOULLI,
        /** Exactly one index uniform in 0..K-1. */
        ONE
    }

    /** Whether the batch shares one selection per block or each row (sample, chain) draws its own. */
    public enum Share {
        BATCH, SAMPLE
    }

    private MidpointSelection() {
    }

    /**
     * Draws the selection of one block of {@code k} fine indices for {@code rows} rows.
     *
     * @param ctx       the run, whose noise stream supplies the uniforms
     * @param k         fine steps in the block, >= 1
     * @param rows      rows in the batch
     * @param p         the Bernoulli selection probability of an index, in (0, 1] (unused with {@code ONE})
     * @param rule      Bernoulli per index or exactly one index per block
     * @param share     one selection for the batch or one per row
     * @return rowsAt[i], the rows that select index i in increasing order; rowsAt[0] is always empty
     */
    public static int[][] draw(RunContext ctx, int k, int rows, double p, Rule rule, Share share) {
        boolean one = rule == Rule.ONE;
        boolean perRow = share == Share.SAMPLE;
        int[][] rowsAt = new int[k][];
        Arrays.fill(rowsAt, new int[0]);
        int[] all = new int[rows];
        Arrays.setAll(all, r -> r);
        if (one && !perRow) {
            int star = index(ctx.uniformShared(), k);
            if (star > 0) {
                rowsAt[star] = all;
            }
        } else if (one) {
            double[] u = ctx.uniform();
            int[] count = new int[k];
            int[] star = new int[rows];
            for (int r = 0; r < rows; r++) {
                star[r] = index(u[r], k);
                count[star[r]]++;
            }
            for (int i = 1; i < k; i++) {
                rowsAt[i] = new int[count[i]];
                count[i] = 0;
            }
            for (int r = 0; r < rows; r++) {
                if (star[r] > 0) {
                    rowsAt[star[r]][count[star[r]]++] = r;
                }
            }
        } else {
            for (int i = 1; i < k; i++) {
                rowsAt[i] = perRow ? below(ctx.uniform(), p) : ctx.uniformShared() < p ? all : new int[0];
            }
        }
        return rowsAt;
    }

    /** The rows whose uniform is below p, in increasing order. */
    private static int[] below(double[] u, double p) {
        int[] picked = new int[u.length];
        int count = 0;
        for (int r = 0; r < u.length; r++) {
            if (u[r] < p) {
                picked[count++] = r;
            }
        }
        return Arrays.copyOf(picked, count);
    }

    /** The uniformly chosen index floor(u K) of a U(0,1) draw, at most K - 1. */
    public static int index(double u, int k) {
        return Math.min(k - 1, (int) (u * k));
    }
}
