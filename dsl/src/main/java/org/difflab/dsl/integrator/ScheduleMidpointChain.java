package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.OptionalInt;
import org.difflab.dsl.integrator.MidpointSelection.Share;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.schedule.DiscreteSchedule;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.tensor.Scalars;

/**
 * The schedule fine chain of the Poisson midpoint method (PMM) over the DDPM ancestral chain, the strategy that
 * {@link PoissonMidpoint} runs on a diffusion problem (Kandasamy and Nagaraj, arXiv 2405.17068; research note
 * poisson_midpoint.md, sections 1.3, 2 and 3).
 *
 * <p><b>Fine chain.</b> DDPM ancestral steps x &lt;- a x + g eps(x, tau) + s z between adjacent fine levels
 * (alpha, sigma) -&gt; (alpha_p, sigma_p): with r = alpha/alpha_p and beta = sigma^2 - r^2 sigma_p^2,
 * a = 1/r, g = -beta/(r sigma), s^2 = beta sigma_p^2/sigma^2 ("small", the posterior variance; the default) or beta
 * ("large"), s = 0 on the step to sigma_p = 0. This is {@link Ddpm}'s step with x0 = (x - sigma eps)/alpha
 * substituted (note section 1.3); the drift that is frozen and corrected is eps, as in the paper's form
 * x &lt;- a_t x + b_t eps(x, t) + sigma_t z (freezing x0 instead would be another method).
 *
 * <p><b>Blocks.</b> Each grid step is one coarse step ("block") of K fine steps. On a {@link DiscreteSchedule} the
 * fine steps are the training indices between the two grid points (t_n, t_n - 1, ..., t_{n+1}), so the grid rule is
 * the block layout: {@code Grids.power(M, 1)} gives M equal blocks (N = 1000, M = 25: K = 40), {@code Grids.power(M, 2)}
 * the quadratic blocks round(N (k/M)^2) of note section 3.1, {@code Grids.respaced(...)} any layout; note that
 * {@code uniform(M)} gives M - 1 blocks of about (N - 1)/(M - 1) indices and a last block 1 -&gt; 0 of one index.
 * On a continuous schedule a block is {@code substeps} = K equal sub-steps in t (default
 * {@value PoissonMidpoint#DEFAULT_SUBSTEPS}); the step to t = 0 is subdivided only down to tMin and ends with one fine
 * step tMin -&gt; 0, so the model is never evaluated below tMin.
 *
 * <p><b>One block</b> (note sections 2.2 and 2.5): b0 = eps(X_0, tau_0) (1 NFE); the weighted selection w H_i of
 * i = 1..K-1 from {@link PoissonMidpoint}'s diffusion rules (Bernoulli(p) with weight 1/p, or one index with weight K;
 * i = 0 needs no evaluation: X+_0 = X_0). The midpoint X+_i is the fine recursion run from X_0 with the drift frozen at
 * b0 and the same Gaussian increments the block uses (Brownian coupling); the output is
 * <pre>
 *   X_K = Phi X_0 + (sum_i W_i g_i) b0 + corr + N(K),   corr &lt;- a_i corr + w H_i g_i (eps(X+_i, tau_i) - b0)
 * </pre>
 * with corr multiplied by a_i before the i-th term is added, W_i = a_{K-1}...a_{i+1}, Phi = a_{K-1}...a_0, and
 * N(i) = sum_{j&lt;i} (a_{i-1}...a_{j+1}) s_j Z_j the accumulated noise. With every index selected (lambda &gt;= K)
 * this is one Picard correction of the frozen-drift prediction, which equals the fine chain only when K &lt;= 2
 * (X+_1 = X_1).
 *
 * <p><b>Noise.</b> {@code noise=sparse} (note section 2.4; the default with {@code share=batch}): N is drawn only at
 * the selected indices and at K, each increment N(i') = (a_{i'-1}...a_i) N(i) + xi with the summed variance of the
 * fine steps in between, tied to the interval (tau_i, tau_{i'}): m + 1 draws for m selected indices, and O(m) tensor
 * operations per block. {@code noise=dense}: one draw per fine step, tied to its interval (tau_i, tau_{i+1}), as the
 * fine chain draws them (so on a Brownian-path source it follows the fine chain's path); O(K) tensor operations.
 * Both have the same law given the selection, not the same paths.
 *
 * <p><b>Sharing.</b> {@code share=batch}: one selection per block for the whole batch, from
 * {@link NoiseStream#uniformShared()}, and the model is evaluated on the whole batch. {@code share=sample}: each sample
 * draws its own selection ({@link NoiseStream#uniform()}); the model is evaluated on the whole batch at every index
 * selected by some sample and the correction is applied with a 0/1 mask.
 *
 * <p><b>Model evaluations</b> are random. A block costs 1 + (number of evaluated indices i &gt;= 1): with
 * {@code share=batch} and p = lambda/K &lt;= 1 that is 1 + Binomial(K - 1, p), mean 1 + lambda (K - 1)/K (2 - 1/K at
 * lambda = 1), at most K; {@code select=one} costs 1 or 2, mean 2 - 1/K; with {@code share=sample} the batch pays
 * 1 + (number of indices selected by some sample), mean 1 + (K - 1)(1 - (1 - p)^B) for B samples (Bernoulli).
 *
 * <p>Kept apart from the frozen-flow chain ({@code langevin.FrozenFlowMidpointChain}, issue 22): here every fine step
 * has its own schedule coefficients (a_i, g_i, s_i) and an eps drift at its own noise level, one call per selected
 * index; there the fine steps share one constant flow and all midpoints go in one batched drift call; one chain would
 * change the rounding of both.
 */
final class ScheduleMidpointChain {

    /** The weighted selection of one block: w H_i for i = 0..k-1, null where index i is not evaluated. */
    interface BlockSelection {
        double[][] weights(RunContext ctx, int k, int rows);
    }

    private final Share share;
    private final MidpointNoise noise;
    private final Ddpm.Variance variance;
    private final OptionalInt substeps;
    private final int continuousSubsteps;
    private final BlockSelection selection;

    /**
     * @param share     one selection per batch (scalar weights) or per sample (a weight column)
     * @param noise     sparse or dense Gaussian increments
     * @param variance  the fine DDPM step's variance
     * @param substeps  the {@code substeps} knob: fine steps per grid step on a continuous schedule; must be empty on a
     *                  discrete schedule
     * @param continuousSubsteps fine steps per grid step on a continuous schedule (the knob or its default)
     * @param selection the weighted selection of a block, with its counters
     */
    ScheduleMidpointChain(Share share, MidpointNoise noise, Ddpm.Variance variance, OptionalInt substeps, int continuousSubsteps,
            BlockSelection selection) {
        this.share = share;
        this.noise = noise;
        this.variance = variance;
        this.substeps = substeps;
        this.continuousSubsteps = continuousSubsteps;
        this.selection = selection;
    }

    /** Runs {@code ctx.steps()} blocks from x. */
    NDArray run(RunContext ctx, NDArray x) {
        for (int n = 0; n < ctx.steps(); n++) {
            x = ctx.endStep(n, block(ctx, n, x, fineLevels(ctx, n)));
        }
        return x;
    }

    /** The fine levels tau_0 = t_n &gt; tau_1 &gt; ... &gt; tau_K = t_{n+1} of grid step n. */
    private NoiseLevel[] fineLevels(RunContext ctx, int n) {
        NoiseSchedule schedule = ctx.grid().schedule();
        double from = ctx.grid().t(n);
        double to = ctx.grid().t(n + 1);
        double[] tau;
        if (schedule instanceof DiscreteSchedule) {
            if (substeps.isPresent()) {
                throw new IllegalArgumentException("substeps = " + substeps.getAsInt() + " is not allowed on the discrete schedule "
                        + schedule.spec() + ": there a block is the training indices between two grid points; leave substeps unset "
                        + "and choose the blocks with the grid (e.g. Grids.power(25, 1) for 25 blocks of 40 on T = 1000)");
            }
            if (from != Math.rint(from) || to != Math.rint(to)) {
                throw new IllegalArgumentException("grid step " + n + " from t = " + from + " to " + to + " is not allowed for "
                        + "poissonMidpoint on " + schedule.spec() + ": grid times must be training indices (integers)");
            }
            tau = new double[(int) (from - to) + 1];
            for (int j = 0; j < tau.length; j++) {
                tau[j] = from - j;
            }
        } else {
            double stop = to > 0 ? to : Math.min(from, schedule.tMin()); // no evaluation below tMin
            int k = from > stop ? continuousSubsteps : 0;
            tau = new double[k + 1 + (stop > to ? 1 : 0)];
            for (int j = 0; j <= k; j++) {
                tau[j] = j == k ? stop : from + (stop - from) * j / k;
            }
            tau[tau.length - 1] = to;
        }
        NoiseLevel[] levels = new NoiseLevel[tau.length];
        for (int j = 0; j < tau.length; j++) {
            levels[j] = schedule.level(tau[j]);
        }
        return levels;
    }

    /** One coarse step: note section 2.5, with corr and the accumulated noise rescaled lazily (a scalar per index). */
    private NDArray block(RunContext ctx, int n, NDArray x, NoiseLevel[] tau) {
        int k = tau.length - 1;
        double[] a = new double[k];
        double[] g = new double[k];
        double[] var = new double[k];
        for (int i = 0; i < k; i++) {
            NoiseLevel now = tau[i];
            NoiseLevel next = tau[i + 1];
            double r = now.alpha() / next.alpha();
            double s2 = now.sigma() * now.sigma();
            double sp2 = next.sigma() * next.sigma();
            double beta = s2 - r * r * sp2;
            a[i] = 1 / r;
            g[i] = -beta / (r * now.sigma());
            var[i] = sp2 == 0 ? 0 : variance == Ddpm.Variance.SMALL ? beta * sp2 / s2 : beta;
        }
        double[][] h = selection.weights(ctx, k, Math.toIntExact(x.getShape().get(0)));
        NDArray e0 = ctx.predict(x, n).eps();
        double phi = 1;          // a_{i-1}...a_0
        double frozen = 0;       // sum_{j<i} (a_{i-1}...a_{j+1}) g_j, the coefficient of b0
        NDArray corr = null;     // the correction is corr * corrScale
        double corrScale = 1;
        Noise acc = new Noise(ctx, x, tau);
        for (int i = 0; i < k; i++) {
            NDArray term = null;
            if (h[i] != null) {
                NDArray nz = acc.at(i);
                NDArray mid = Scalars.mul(x, phi).add(Scalars.mul(e0, frozen));
                NDArray ei = ctx.predict(nz == null ? mid : mid.add(nz), tau[i]).eps();
                term = share == Share.BATCH ? Scalars.mul(ei.sub(e0), g[i] * h[i][0]) : ei.sub(e0).mul(RowWeights.column(x, h[i], g[i]));
            }
            // corr <- a_i corr before the i-th term is added; lazily, except with per-sample selections, where a row's
            // rounding may not depend on the other rows' selections (batch invariance)
            corrScale *= a[i];
            if (corr != null && (term != null || share == Share.SAMPLE)) {
                corr = Scalars.mul(corr, corrScale);
                corrScale = 1;
            }
            if (term != null) {
                corr = corr == null ? term : corr.add(term);
                corrScale = 1;
            }
            phi *= a[i];
            frozen = a[i] * frozen + g[i];
            acc.step(i, a[i], var[i], noise == MidpointNoise.DENSE);
        }
        NDArray out = Scalars.mul(x, phi).add(Scalars.mul(e0, frozen));
        if (corr != null) {
            out = out.add(corrScale == 1 ? corr : Scalars.mul(corr, corrScale));
        }
        NDArray nz = acc.at(k);
        return nz == null ? out : out.add(nz);
    }

    /**
     * The accumulated noise N(i) of a block, drawn at segment boundaries: after every fine step (dense) or only where it
     * is needed, at the selected indices and at K (sparse). Between boundaries it keeps the product of the a's and the
     * summed variance of the open segment (note section 2.4); N(b) = nz * decay when the segment has no variance.
     */
    private static final class Noise {
        private final RunContext ctx;
        private final NDArray like;
        private final NoiseLevel[] tau;
        private NDArray nz;
        private int start;
        private double decay = 1;
        private double segmentVariance;

        Noise(RunContext ctx, NDArray like, NoiseLevel[] tau) {
            this.ctx = ctx;
            this.like = like;
            this.tau = tau;
        }

        /** Fine step i: N &lt;- a_i N + s_i Z_i, drawn now when {@code boundary}. */
        void step(int i, double a, double var, boolean boundary) {
            decay *= a;
            segmentVariance = a * a * segmentVariance + var;
            if (boundary) {
                draw(i + 1);
            }
        }

        /** N(i), drawing the open segment up to i; null while it is zero. */
        NDArray at(int i) {
            draw(i);
            return nz == null || decay == 1 ? nz : Scalars.mul(nz, decay);
        }

        private void draw(int end) {
            if (segmentVariance == 0) {
                return;
            }
            NDArray xi = Scalars.mul(ctx.normal(like, tau[start].t(), tau[end].t()), Math.sqrt(segmentVariance));
            nz = nz == null ? xi : Scalars.mul(nz, decay).add(xi);
            start = end;
            decay = 1;
            segmentVariance = 0;
        }
    }
}
