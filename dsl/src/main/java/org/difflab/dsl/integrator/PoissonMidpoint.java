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
import org.difflab.dsl.langevin.Dynamics;
import org.difflab.dsl.langevin.FrozenForceFlow;
import org.difflab.dsl.langevin.FrozenFlowMidpointChain;
import org.difflab.dsl.spec.Spec;

/**
 * The Poisson midpoint method (Kandasamy and Nagaraj, "The Poisson Midpoint Method for Langevin Dynamics: Provably
 * Efficient Discretization for Diffusion Models", arXiv 2405.17068, NeurIPS 2024; research note poisson_midpoint.md,
 * sections 1.3, 2 and 3) on either kind of problem: its knobs, their validation, its spec and the rules in which the
 * two kinds differ. Each coarse step is a block of K fine steps; the drift is evaluated at X_0 and at the midpoints
 * X+_i of the selected fine indices (the fine chain run with the drift frozen at X_0 and the block's own noise), and
 * the block output is the frozen-drift prediction plus the weighted corrections w H_i (drift(X+_i) - drift(X_0)).
 * The selection draw is {@link MidpointSelection}; the fine chain is a strategy per kind:
 * <ul>
 *   <li>diffusion, registered as {@code poissonMidpoint}: {@link ScheduleMidpointChain}, the DDPM ancestral chain with
 *       its own schedule coefficients per fine step and one model call per selected index;</li>
 *   <li>Langevin, registered as {@code plmc} (answered as a Langevin integrator by {@code langevin.Plmc}):
 *       {@link FrozenFlowMidpointChain}, K sub-steps of one constant {@link FrozenForceFlow} and one batched drift call
 *       for all midpoints.</li>
 * </ul>
 *
 * <p><b>Rules per kind</b> (each fixes the random stream or the rounding of its world, so they are kept, not unified):
 * <ul>
 *   <li>draws: diffusion draws no selection for a block of K &lt; 2 fine steps (nothing can be selected); plmc always
 *       draws, so with {@code select=one} it consumes a uniform even at K = 1 ({@link #drawsSelection});</li>
 *   <li>lambda: diffusion allows any lambda &gt; 0 and caps p = min(1, lambda/K), counting such blocks in
 *       {@code cappedBlocks}; plmc refuses lambda &gt; K ({@link #probability}, {@link #capped});</li>
 *   <li>weight of a selected index: diffusion 1/p (Bernoulli) or K (one index); plmc 1/p with p = 1.0/K for one index,
 *       i.e. 1/(1.0/K), which may differ from K in the last bit ({@link #weight});</li>
 *   <li>defaults: diffusion share=batch (model calls per distinct index) with noise=sparse, and K = substeps on a
 *       continuous schedule only; plmc share=sample (independent chains) with noise=dense and K = 10;</li>
 *   <li>sparse noise with per-row selection: diffusion refuses it; plmc allows it with select=one (a Brownian bridge
 *       at each chain's own sub-index: 2 draws per chain, whatever the batch).</li>
 * </ul>
 * Both kinds' spec parsers are here ({@link #parseDiffusion}, {@link #parseLangevin}); every message names the
 * parameter, its value and what is allowed.
 *
 * <p><b>Reconstructions</b> (tagged [R] in the note): lambda = 1 with Bernoulli selection is the paper's choice [C];
 * the other lambda (V2), select=one (V3), share=batch for plmc (V5), the diffusion instantiation (fine chain = DDPM on
 * the training schedule, eps drift, posterior variance) and the block layout are design choices consistent with the
 * confirmed sources, not the paper's verified procedure; the continuous-schedule sub-stepping is DiffLab's.
 */
public final class PoissonMidpoint implements Integrator {

    /** The kind of problem a Poisson midpoint integrator runs on; it fixes the fine chain and the rules above. */
    public enum World {
        /** A diffusion problem: the schedule chain, {@code poissonMidpoint}. */
        DIFFUSION,
        /** A Langevin problem: the frozen-flow chain, {@code plmc}. */
        LANGEVIN
    }

    /** Fine sub-steps per grid step on a continuous schedule when {@code substeps} is not given. */
    public static final int DEFAULT_SUBSTEPS = 10;

    /** Run counter: the midpoint evaluations (beyond the one evaluation per step). */
    public static final String MIDPOINTS = "midpoints";

    private final World world;
    private final double lambda;
    private final Rule selection;
    private final Share share;
    private final MidpointNoise noise;
    private final Ddpm.Variance variance;   // diffusion only
    private final OptionalInt substeps;     // diffusion only
    private final int k;                    // Langevin only: sub-steps per step
    private final Dynamics dynamics;        // Langevin only

    private PoissonMidpoint(World world, double lambda, Rule selection, Share share, MidpointNoise noise, Ddpm.Variance variance,
            OptionalInt substeps, int k, Dynamics dynamics) {
        this.world = world;
        this.lambda = lambda;
        this.selection = selection;
        this.share = share;
        this.noise = noise;
        this.variance = variance;
        this.substeps = substeps;
        this.k = k;
        this.dynamics = dynamics;
    }

    /**
     * The diffusion method {@code poissonMidpoint}.
     *
     * @param lambda    expected midpoints per block, > 0 (Bernoulli selection only; ignored by {@code ONE})
     * @param selection Bernoulli or exactly one index
     * @param share     one selection per batch or per sample
     * @param noise     sparse or dense Gaussian increments (sparse needs {@code share = BATCH})
     * @param variance  the fine DDPM step's variance (the note's choice is {@code SMALL})
     * @param substeps  fine steps per grid step on a continuous schedule; must be empty on a discrete schedule, whose
     *                  blocks are the training indices between grid points
     */
    public static PoissonMidpoint diffusion(double lambda, Rule selection, Share share, MidpointNoise noise, Ddpm.Variance variance,
            OptionalInt substeps) {
        Require.positive("lambda", lambda);
        Require.notNull("select", selection);
        Require.notNull("share", share);
        Require.notNull("noise", noise);
        Require.notNull("variance", variance);
        Require.notNull("substeps", substeps);
        substeps.ifPresent(k -> Require.positive("substeps", k));
        if (noise == MidpointNoise.SPARSE && share == Share.SAMPLE) {
            throw new IllegalArgumentException("noise = sparse is not allowed with share = sample: per-sample selections would make the "
                    + "number of Gaussian draws depend on the batch; use noise = dense or share = batch");
        }
        return new PoissonMidpoint(World.DIFFUSION, lambda, selection, share, noise, variance, substeps, 0, null);
    }

    /**
     * The Langevin method {@code plmc}.
     *
     * @param k         sub-steps per step, in [1, 100000]
     * @param lambda    expected midpoints per step for Bernoulli selection, in (0, K]; must be 1 with {@code ONE}
     * @param selection Bernoulli(lambda/K) per sub-index, or exactly one sub-index
     * @param dynamics  the fine chain: overdamped LMC or ULMC
     * @param noise     dense or sparse noise
     * @param sharing   selection per chain or shared by the batch
     */
    public static PoissonMidpoint langevin(int k, double lambda, Rule selection, Dynamics dynamics, MidpointNoise noise, Share sharing) {
        Require.inRange("K", k, 1, 100_000);
        Require.notNull("select", selection);
        Require.notNull("form", dynamics);
        Require.notNull("noise", noise);
        Require.notNull("share", sharing);
        if (selection == Rule.ONE && lambda != 1) {
            throw new IllegalArgumentException("lambda = " + lambda + " is not allowed with select=one: exactly one midpoint is drawn per step "
                    + "(lambda must be 1)");
        }
        if (!(lambda > 0 && lambda <= k)) {
            throw new IllegalArgumentException("lambda = " + lambda + " is not allowed: must be > 0 and <= K = " + k
                    + " (the selection probability lambda/K must lie in (0, 1])");
        }
        if (noise == MidpointNoise.SPARSE && selection == Rule.BERNOULLI && sharing == Share.SAMPLE) {
            throw new IllegalArgumentException("noise = sparse is not allowed with select=bernoulli and share=sample: each chain would need its "
                    + "own number of Gaussian draws, which breaks batch invariance; use share=batch, select=one or noise=dense");
        }
        return new PoissonMidpoint(World.LANGEVIN, lambda, selection, sharing, noise, null, OptionalInt.empty(), k, dynamics);
    }

    /** From a {@code poissonMidpoint} spec's knobs {@code lambda, select, share, noise, variance, substeps}. */
    static PoissonMidpoint parseDiffusion(Spec s) {
        Rule selection = s.oneOf("select", "bernoulli", "bernoulli", Rule.BERNOULLI, "one", Rule.ONE);
        if (selection == Rule.ONE && s.has("lambda")) {
            throw s.bad("lambda", s.string("lambda", ""), "absent with select=one (exactly one midpoint per block, weight K)");
        }
        double lambda = s.real("lambda", 1);
        if (!(lambda > 0)) {
            throw s.bad("lambda", lambda, "> 0 (expected midpoints per block)");
        }
        Share sharing = s.oneOf("share", "batch", "batch", Share.BATCH, "sample", Share.SAMPLE);
        MidpointNoise form = s.oneOf("noise", sharing == Share.SAMPLE ? "dense" : "sparse", "dense", MidpointNoise.DENSE, "sparse",
                MidpointNoise.SPARSE);
        if (form == MidpointNoise.SPARSE && sharing == Share.SAMPLE) {
            throw s.bad("noise", s.string("noise", null), "dense with share=sample (per-sample selections would make the Gaussian draws depend "
                    + "on the batch)");
        }
        Ddpm.Variance variance = s.oneOf("variance", "small", "small", Ddpm.Variance.SMALL, "large", Ddpm.Variance.LARGE);
        OptionalInt substeps = OptionalInt.empty();
        if (s.has("substeps")) {
            int k = s.integer("substeps", DEFAULT_SUBSTEPS);
            if (k < 1) {
                throw s.bad("substeps", k, "an integer >= 1 (fine steps per grid step on a continuous schedule)");
            }
            substeps = OptionalInt.of(k);
        }
        return diffusion(lambda, selection, sharing, form, variance, substeps);
    }

    /** From a {@code plmc} spec's knobs {@code K, lambda, select, form, noise, share}. */
    public static PoissonMidpoint parseLangevin(Spec s) {
        int k = s.integer("K", 10);
        if (k < 1 || k > 100_000) {
            throw s.bad("K", k, "an integer in [1, 100000]");
        }
        Rule selection = s.oneOf("select", "bernoulli", "bernoulli", Rule.BERNOULLI, "one", Rule.ONE);
        if (selection == Rule.ONE && s.has("lambda")) {
            throw s.bad("lambda", s.string("lambda", null), "absent with select=one (exactly one midpoint per step)");
        }
        double lambda = s.real("lambda", 1);
        if (!(lambda > 0 && lambda <= k)) {
            throw s.bad("lambda", lambda, "> 0 and <= K = " + k);
        }
        Dynamics form = Dynamics.form(s);
        MidpointNoise noiseForm = s.oneOf("noise", "dense", "dense", MidpointNoise.DENSE, "sparse", MidpointNoise.SPARSE);
        Share sharing = s.oneOf("share", "sample", "sample", Share.SAMPLE, "batch", Share.BATCH);
        if (noiseForm == MidpointNoise.SPARSE && selection == Rule.BERNOULLI && sharing == Share.SAMPLE) {
            throw s.bad("noise", s.string("noise", null), "dense with select=bernoulli and share=sample (per-chain sparse noise needs share=batch or select=one)");
        }
        return langevin(k, lambda, selection, form, noiseForm, sharing);
    }

    /** The kind of problem this runs on. */
    public World world() {
        return world;
    }

    @Override
    public String name() {
        return world == World.DIFFUSION ? "poissonMidpoint" : "plmc";
    }

    /**
     * Diffusion: NFE/step 2 is nominal (a block spends 1 + Binomial(K - 1, p) evaluations with {@code share=batch}: mean
     * 1 + lambda (K - 1)/K, 2 - 1/K at lambda = 1 and with {@code select=one}; exactly steps + the counter
     * {@value #MIDPOINTS} in all), order 1, the weak order of the fine DDPM chain. Langevin: the gradients per step rounded
     * up, no diffusion order (as every Langevin integrator).
     */
    @Override
    public IntegratorInfo info() {
        return world == World.DIFFUSION ? IntegratorInfo.stochastic(name(), 2, 1)
                : IntegratorInfo.stochastic(name(), (int) Math.ceil(gradientsPerStep()), 0);
    }

    @Override
    public String spec() {
        if (world == World.LANGEVIN) {
            return name() + ":K=" + k + (selection == Rule.BERNOULLI ? ",lambda=" + lambda : "") + ",select=" + lower(selection)
                    + ",form=" + dynamics.label() + ",noise=" + lower(noise) + ",share=" + lower(share);
        }
        return name() + ":" + (selection == Rule.BERNOULLI ? "lambda=" + lambda + "," : "") + "select=" + lower(selection)
                + ",share=" + lower(share) + ",noise=" + lower(noise) + ",variance=" + lower(variance)
                + (substeps.isPresent() ? ",substeps=" + substeps.getAsInt() : "");
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Diffusion: the run counter {@value #MIDPOINTS}; Langevin: none (the gradient count is declared per step). */
    @Override
    public Optional<String> randomNfeCounter() {
        return world == World.DIFFUSION ? Optional.of(MIDPOINTS) : Optional.empty();
    }

    /** Diffusion, Bernoulli selections shared by the batch: p = min(1, lambda/K) with K - 1 draws per block; aligned by dense noise. */
    @Override
    public Optional<SelectionLaw<Integrator>> selectionLaw() {
        return world != World.DIFFUSION || selection != Rule.BERNOULLI || share != Share.BATCH ? Optional.empty() : Optional.of(
                new SelectionLaw<>(draws -> Math.min(1, lambda / (draws + 1)), diffusion(lambda, selection, share, MidpointNoise.DENSE,
                        variance, substeps)));
    }

    /** Langevin only: the dynamics of the fine chain. */
    public Dynamics dynamics() {
        langevinOnly("dynamics");
        return dynamics;
    }

    /** Langevin only: expected gradients per chain and step, 1 + (K - 1) p. */
    public double gradientsPerStep() {
        langevinOnly("gradients per step");
        return 1 + (k - 1) * probability(k);
    }

    /** Langevin only: variance of the gradients per chain and step. */
    public double gradientsPerStepVariance() {
        langevinOnly("gradients per step");
        double p = probability(k);
        return selection == Rule.BERNOULLI ? (k - 1) * p * (1 - p) : (k - 1) * p * (1 - (k - 1) * p);
    }

    private void langevinOnly(String what) {
        if (world != World.LANGEVIN) {
            throw new IllegalStateException(spec() + " runs on a diffusion problem: it has no Langevin " + what
                    + " (its evaluations are counted by " + MIDPOINTS + ")");
        }
    }

    /** Rule: whether a block of k fine steps draws a selection (diffusion: only when k >= 2; plmc: always). */
    boolean drawsSelection(int k) {
        return world == World.LANGEVIN || k >= 2;
    }

    /** Rule: the probability p that index i >= 1 of a block of k is selected (capped at 1 for diffusion; 1/K for select=one on plmc). */
    double probability(int k) {
        if (world == World.DIFFUSION) {
            return Math.min(1, lambda / k);
        }
        return selection == Rule.BERNOULLI ? lambda / k : 1.0 / k;
    }

    /** Rule: whether a block of k caps p at 1 (diffusion with lambda > k; plmc refuses such lambda). */
    boolean capped(int k) {
        return world == World.DIFFUSION && selection == Rule.BERNOULLI && lambda > k;
    }

    /** Rule: the weight of a selected index in a block of k (diffusion 1/p or k; plmc 1/p, also for select=one). */
    double weight(int k) {
        double p = probability(k);
        return world == World.DIFFUSION && selection == Rule.ONE ? k : 1 / p;
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        if (world == World.LANGEVIN) {
            return new FrozenFlowMidpointChain(k, probability(k), weight(k), selection, dynamics, noise, share).run(ctx, x);
        }
        ctx.count(MIDPOINTS, 0);
        return new ScheduleMidpointChain(share, noise, variance, substeps, substeps.orElse(DEFAULT_SUBSTEPS), this::weightedSelection)
                .run(ctx, x);
    }

    /**
     * The weighted selection w H_i of a diffusion block, i = 0..K-1: null where index i is not evaluated, else one weight
     * ({@code share=batch}) or one per sample (0 where that sample did not select i). Records the counters.
     */
    private double[][] weightedSelection(RunContext ctx, int k, int rows) {
        double[][] h = new double[k][];
        if (!drawsSelection(k)) {
            return h;
        }
        double p = probability(k);
        if (capped(k)) {
            ctx.count("cappedBlocks", 1);
        }
        double weight = weight(k);
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
}
