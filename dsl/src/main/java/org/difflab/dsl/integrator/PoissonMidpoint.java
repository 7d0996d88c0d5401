package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.difflab.dsl.Require;
import org.difflab.dsl.integrator.MidpointSelection.Rule;
import org.difflab.dsl.integrator.MidpointSelection.Share;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.schedule.DiscreteSchedule;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.tensor.Scalars;

/**
 * The Poisson midpoint method (PMM) over the DDPM ancestral chain: Kandasamy and Nagaraj, "The Poisson Midpoint
 * Method for Langevin Dynamics: Provably Efficient Discretization for Diffusion Models", arXiv 2405.17068
 * (NeurIPS 2024); formulas as in the research note poisson_midpoint.md, sections 1.3, 2 and 3.
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
 * On a continuous schedule a block is {@code substeps} = K equal sub-steps in t (default {@value #DEFAULT_SUBSTEPS});
 * the step to t = 0 is subdivided only down to tMin and ends with one fine step tMin -&gt; 0, so the model is never
 * evaluated below tMin.
 *
 * <p><b>One block</b> (note sections 2.2 and 2.5): b0 = eps(X_0, tau_0) (1 NFE); selection H_i for i = 1..K-1
 * (i = 0 needs no evaluation: X+_0 = X_0), i.i.d. Bernoulli(p), p = lambda/K, weight 1/p (when lambda &gt; K, p is
 * capped at 1: every index is selected with weight 1, and the run counter {@code cappedBlocks} counts such blocks);
 * or, with {@code select=one}, exactly one index uniform in 0..K-1 with weight K (note section 2.6, V3). The midpoint
 * X+_i is the fine recursion run from X_0 with the drift frozen at b0 and the same Gaussian increments the block
 * uses (Brownian coupling); the output is
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
 * <p><b>Sharing.</b> {@code share=batch} (default): one selection per block for the whole batch, from
 * {@link NoiseStream#uniformShared()}, and the model is evaluated on the whole batch. {@code share=sample}: each sample
 * draws its own selection ({@link NoiseStream#uniform()}); the model is evaluated on the whole batch at every index
 * selected by some sample and the correction is applied with a 0/1 mask. It needs {@code noise=dense}: with sparse
 * noise the number of Gaussian draws would depend on the batch, and samples would not be batch invariant.
 *
 * <p><b>Model evaluations</b> are random. A block costs 1 + (number of evaluated indices i &gt;= 1): with
 * {@code share=batch} and p = lambda/K &lt;= 1 that is 1 + Binomial(K - 1, p), mean 1 + lambda (K - 1)/K (2 - 1/K at
 * lambda = 1), at most K; {@code select=one} costs 1 or 2, mean 2 - 1/K; with {@code share=sample} the batch pays
 * 1 + (number of indices selected by some sample), mean 1 + (K - 1)(1 - (1 - p)^B) for B samples (Bernoulli).
 * {@link #nfePerStep()} = 2 is the nominal count; a run spends exactly steps + the run counter {@code midpoints}
 * ({@link #randomNfeCounter()}), and the counter {@code selections} sums the selected indices over the samples (the
 * extra evaluations a per-sample implementation would pay).
 *
 * <p><b>Reconstructions</b> (tagged [R] in the note; the paper's text was not available): the diffusion
 * instantiation (fine chain = DDPM on the training schedule, eps drift, posterior variance), the block layout, the
 * batch-shared selection and the lambda and select=one variants are design choices consistent with the confirmed
 * sources, not the paper's verified procedure; the continuous-schedule sub-stepping is DiffLab's.
 *
 * <p>The selection draw is {@link MidpointSelection}, shared with the Langevin {@code langevin.PoissonMidpoint}
 * (plmc). The chains stay apart (issue 22): here every fine step has its own schedule coefficients (a_i, g_i, s_i) and
 * an eps drift at its own noise level, one call per selected index, with weights 1/p and K; PLMC's fine steps share one
 * constant {@code FrozenForceFlow} and evaluate all midpoints in one batched drift call with weight 1/(1/K); one chain
 * would change the rounding of both.
 */
public final class PoissonMidpoint implements Integrator {

    /** Fine sub-steps per grid step on a continuous schedule when {@code substeps} is not given. */
    public static final int DEFAULT_SUBSTEPS = 10;

    /** Run counter: the midpoint evaluations (beyond the one evaluation per step). */
    public static final String MIDPOINTS = "midpoints";

    private final double lambda;
    private final Rule selection;
    private final Share share;
    private final MidpointNoise noise;
    private final Ddpm.Variance variance;
    private final OptionalInt substeps;

    /**
     * @param lambda    expected midpoints per block, > 0 (Bernoulli selection only; ignored by {@code ONE})
     * @param selection Bernoulli or exactly one index
     * @param share     one selection per batch or per sample
     * @param noise     sparse or dense Gaussian increments (sparse needs {@code share = BATCH})
     * @param variance  the fine DDPM step's variance (the note's choice is {@code SMALL})
     * @param substeps  fine steps per grid step on a continuous schedule; must be empty on a discrete schedule, whose
     *                  blocks are the training indices between grid points
     */
    public PoissonMidpoint(double lambda, Rule selection, Share share, MidpointNoise noise, Ddpm.Variance variance, OptionalInt substeps) {
        this.lambda = Require.positive("lambda", lambda);
        this.selection = Require.notNull("select", selection);
        this.share = Require.notNull("share", share);
        this.noise = Require.notNull("noise", noise);
        this.variance = Require.notNull("variance", variance);
        this.substeps = Require.notNull("substeps", substeps);
        substeps.ifPresent(k -> Require.positive("substeps", k));
        if (noise == MidpointNoise.SPARSE && share == Share.SAMPLE) {
            throw new IllegalArgumentException("noise = sparse is not allowed with share = sample: per-sample selections would make the "
                    + "number of Gaussian draws depend on the batch; use noise = dense or share = batch");
        }
    }

    /**
     * NFE/step 2 is nominal. A block of K fine steps spends 1 + Binomial(K - 1, p) evaluations with {@code share=batch}, p = min(1,
     * lambda/K): mean 1 + lambda (K - 1)/K for lambda &lt;= K, so 2 - 1/K at lambda = 1 and with {@code select=one}; the
     * spent count is exactly steps + the counter {@value #MIDPOINTS}. Order 1: the weak order of the fine DDPM chain it approximates.
     */
    @Override
    public IntegratorInfo info() {
        return IntegratorInfo.stochastic("poissonMidpoint", 2, 1);
    }

    @Override
    public String spec() {
        return name() + ":" + (selection == Rule.BERNOULLI ? "lambda=" + lambda + "," : "") + "select=" + lower(selection)
                + ",share=" + lower(share) + ",noise=" + lower(noise) + ",variance=" + lower(variance)
                + (substeps.isPresent() ? ",substeps=" + substeps.getAsInt() : "");
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<String> randomNfeCounter() {
        return Optional.of(MIDPOINTS);
    }

    /** Bernoulli selections shared by the batch: p = min(1, lambda/K) with K - 1 draws per block; aligned by dense noise. */
    @Override
    public Optional<SelectionLaw<Integrator>> selectionLaw() {
        return selection != Rule.BERNOULLI || share != Share.BATCH ? Optional.empty() : Optional.of(new SelectionLaw<>(
                draws -> Math.min(1, lambda / (draws + 1)), new PoissonMidpoint(lambda, selection, share, MidpointNoise.DENSE, variance, substeps)));
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        ctx.count(MIDPOINTS, 0);
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
                        + name() + " on " + schedule.spec() + ": grid times must be training indices (integers)");
            }
            tau = new double[(int) (from - to) + 1];
            for (int j = 0; j < tau.length; j++) {
                tau[j] = from - j;
            }
        } else {
            double stop = to > 0 ? to : Math.min(from, schedule.tMin()); // no evaluation below tMin
            int k = from > stop ? substeps.orElse(DEFAULT_SUBSTEPS) : 0;
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
        double[][] h = select(ctx, k, Math.toIntExact(x.getShape().get(0)));
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
     * The weighted selection w H_i of a block, i = 0..K-1: null where index i is not evaluated, else one weight
     * ({@code share=batch}) or one per sample (0 where that sample did not select i). Records the counters.
     */
    private double[][] select(RunContext ctx, int k, int rows) {
        double[][] h = new double[k][];
        if (k < 2) {
            return h; // no draw for a one-step block, even with select=one (plmc draws at K = 1: another stream)
        }
        double p = Math.min(1, lambda / k);
        if (selection == Rule.BERNOULLI && lambda > k) {
            ctx.count("cappedBlocks", 1);
        }
        double weight = selection == Rule.BERNOULLI ? 1 / p : k;
        int[][] rowsAt = MidpointSelection.draw(ctx, k, rows, p, selection, share);
        long selections = 0;
        for (int i = 1; i < k; i++) {
            if (rowsAt[i].length > 0) {
                h[i] = share == Share.BATCH ? new double[] {weight} : new double[rows];
                if (share == Share.SAMPLE) {
                    for (int r : rowsAt[i]) {
                        h[i][r] = weight;
                    }
                }
                selections += rowsAt[i].length;
            }
        }
        ctx.count(MIDPOINTS, Arrays.stream(h).filter(Objects::nonNull).count());
        ctx.count("selections", selections);
        return h;
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
