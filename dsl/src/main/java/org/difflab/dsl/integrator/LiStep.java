package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.tensor.Scalars;

/**
 * Step i of a {@link LiChain} sampler, from grid point i (time t, the papers' index t) to i + 1 (the papers' t - 1):
 * alpha_t = abar_t / abar_{t-1} on any grid (so the papers' rules also run on respaced grids), the step's times for
 * noise tied to sub-intervals (Brownian-path noise), its one score evaluation, the previous step's evaluation and the
 * per-sample clip of a momentum correction.
 */
public final class LiStep {
    private final RunContext ctx;
    private final int i;
    private final NDArray like;
    private final NDArray previousScore;
    private final double sqrtD;
    private NDArray score;

    LiStep(RunContext ctx, int i, NDArray like, NDArray previousScore, double sqrtD) {
        this.ctx = ctx;
        this.i = i;
        this.like = like;
        this.previousScore = previousScore;
        this.sqrtD = sqrtD;
    }

    /** alpha of step i of a run (from grid point i to i + 1): (alpha_i / alpha_{i+1})^2 of the noise levels. */
    static double alpha(RunContext ctx, int i) {
        double r = ctx.level(i).alpha() / ctx.level(i + 1).alpha();
        return r * r;
    }

    /** The step's index i (0 for the first step). */
    public int index() {
        return i;
    }

    /** alpha_t of this step. */
    public double alpha() {
        return alpha(ctx, i);
    }

    /** alpha_{t+1}, the previous step's alpha (defined from the second step on). */
    public double previousAlpha() {
        return alpha(ctx, i - 1);
    }

    /** The step's start time t_i. */
    public double t() {
        return ctx.grid().t(i);
    }

    /** The step's end time t_{i+1}. */
    public double tNext() {
        return ctx.grid().t(i + 1);
    }

    /** The midpoint of the step's interval, 0.5 (t_i + t_{i+1}). */
    public double mid() {
        return 0.5 * (t() + tNext());
    }

    /** Standard normal noise shaped like the batch, tied to the time interval (from, to) inside the step. */
    public NDArray noise(double from, double to) {
        return ctx.normal(like, from, to);
    }

    /**
     * y + sqrt((1 - alpha_t)/2) Z with Z tied to the first half [t_i, mid] of the step: the half of the step's noise that
     * the accelerated DDPM-type sampler draws before its score evaluation (Li et al. 2024).
     */
    public NDArray withFirstHalfNoise(NDArray y) {
        return Scalars.mul(noise(t(), mid()), Math.sqrt((1 - alpha()) / 2)).addi(y); // y + a = a + y exactly: in place, the same bits
    }

    /** y + sqrt((1 - alpha_t)/2) Z' with Z' tied to the second half [mid, t_{i+1}] of the step: the other half. */
    public NDArray withSecondHalfNoise(NDArray y) {
        return Scalars.mul(noise(mid(), tNext()), Math.sqrt((1 - alpha()) / 2)).addi(y); // in place, the same bits
    }

    /** (y + (1 - alpha_t) s_t(y)) / sqrt(alpha_t): the DDPM-type move with the step's score evaluation at y. */
    public NDArray ddpmMove(NDArray y) {
        double alpha = alpha();
        // the product is this step's own array: y added and the sum divided in place (y + a = a + y exactly), the same bits
        return Scalars.inPlace(Scalars.mul(score(y), 1 - alpha).addi(y), Scalars.InPlaceOp.DIV, Math.sqrt(alpha));
    }

    /** The step's score evaluation s_t(y), at noise level i; a step makes one. */
    public NDArray score(NDArray y) {
        score = ctx.predict(y, i).score();
        return score;
    }

    /** The evaluation made by {@link #score(NDArray)} in this step (null before it). */
    NDArray evaluation() {
        return score;
    }

    /** The previous step's score evaluation s_{t+1}^prev (null at the first step). */
    public NDArray previousScore() {
        return previousScore;
    }

    /**
     * A momentum correction clipped per sample to norm clip sqrt(d) (1 - alpha_t) ({@link CorrectionClip}; clip =
     * Infinity never clips), counting the corrected sample-steps in the run statistic {@code corrected}.
     */
    public NDArray clipped(NDArray correction, double clip) {
        NDArray out = correction;
        if (clip < Double.POSITIVE_INFINITY) {
            out = CorrectionClip.apply(ctx, correction, clip * sqrtD * (1 - alpha()));
        }
        ctx.count("corrected", like.getShape().get(0));
        return out;
    }
}
