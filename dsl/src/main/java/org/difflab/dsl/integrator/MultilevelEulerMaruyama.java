package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.difflab.dsl.Require;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.tensor.Scalars;

/**
 * Multilevel Euler-Maruyama (ML-EM; Jacot 2026, arXiv 2603.24594; research note mlem_parallel.md part A, section A.2):
 * Euler-Maruyama on the reverse SDE dx = [f x - (1 + lambda^2)/2 g^2 s] dt + lambda g dW-bar (as {@link EulerMaruyama};
 * lambda = 0 is the probability-flow ODE) whose score s is replaced at each step by the randomized telescoping sum over
 * a {@link ModelHierarchy} s^1..s^K above its base s^0 (the exact part, {@link ModelHierarchy#withBase}; 0 without one),
 * <pre>
 *   v = s^0(x) + sum_k (B_k / p_k) (s^k - s^{k-1})(x),   B_k ~ Bernoulli(p_k),   p_k = min(1, eta lambda_k(t)),
 * </pre>
 * an unbiased estimate of s^K(x) with variance sum_k (1/p_k - 1) |Delta_k(x)|^2, where eta = |dt| is the step size and
 * the rates are lambda_k(t) = Lambda delta_k(t) / sqrt(C_k) (delta_k the hierarchy's pilot level differences, global or
 * per time bin, {@link ModelHierarchy#withDifferences}, C_k its costs; this choice minimises variance times cost). The
 * step rule and the split into an exact part and a randomized network part are the note's reconstruction, the
 * estimator confirmed by the author's later paper (Paing and Jacot 2026) [F]; the rate constant Lambda is ours to set.
 *
 * <p>With weights w_k = B_k / p_k and w_{K+1} = 0 the sum is v = (1 - w_1) s^0 + sum_k (w_k - w_{k+1}) s^k, so each
 * level is evaluated once, and only when its coefficient is non-zero (B_k or B_{k+1}, unless they carry equal weights;
 * the base whenever level 1 is off). When every p_k = 1 this is v = s^K exactly: the run is Euler-Maruyama with the top
 * level, bit for bit. A model that is not a hierarchy, or a hierarchy without pilot differences, is treated as that
 * case (one evaluation of the model per step).
 *
 * <p>{@code form=exponential} integrates the linear part f x exactly over each step (the score term and the noise with
 * the matching exponential weights, coefficients frozen at the step start); {@code share=batch} draws one set of gates
 * for the whole run (every row uses the same levels, as batched networks want), {@code share=sample} one per sample
 * (levels are evaluated on the whole batch and weighted per row). Run counters: {@code level<k>} calls of level k,
 * {@code levelRows<k>} rows that needed it, {@link #BASE} calls of the base, and {@link #EXTRA} = calls (base included)
 * minus steps (negative when steps skip every level), so calls = steps + extra as {@link #randomNfeCounter()}
 * promises. The cost of a run is sum_k C_k level<k> (per sample: with share=sample, sum_k C_k levelRows<k> / rows);
 * the base is taken as free.
 */
public final class MultilevelEulerMaruyama extends StatedIntegrator {
    /** Counter of model calls beyond one per step (may be negative). */
    public static final String EXTRA = "extraCalls";

    /** Counter of base evaluations. */
    public static final String BASE = "baseCalls";

    /** How the linear part of the drift is integrated. */
    public enum Form {
        EULER, EXPONENTIAL
    }

    /** Whether gates are drawn once for the batch or per sample. */
    public enum Share {
        BATCH, SAMPLE
    }

    private final double rate;
    private final double lambda;
    private final Form form;
    private final Share share;
    private final int alwaysOn;

    /** Every level gated (no level kept always on). */
    public MultilevelEulerMaruyama(double rate, double lambda, Form form, Share share) {
        this(rate, lambda, form, share, 0);
    }

    /**
     * @param rate     Lambda in (0, Infinity]; Infinity makes every p_k = 1 (Euler-Maruyama with the top level)
     * @param lambda   noise scale of the reverse SDE, >= 0 (0: the probability-flow ODE)
     * @param form     Euler or exponential integration of the linear part
     * @param share    gates shared across the batch or drawn per sample
     * @param alwaysOn k*: levels 1..k* are evaluated at every step (p_k = 1), as the paper keeps its coarse levels on (review
     *                 mlem_piadm_fulltext.md 3); an integer &gt;= 0, at most the hierarchy's number of levels (checked at run)
     */
    public MultilevelEulerMaruyama(double rate, double lambda, Form form, Share share, int alwaysOn) {
        super(new IntegratorInfo("mlem", 1, lambda > 0, 1));
        if (alwaysOn < 0) {
            throw new IllegalArgumentException("open = " + alwaysOn + " is not allowed: must be an integer >= 0 (levels 1..open always "
                    + "evaluated; 0: every level gated)");
        }
        this.alwaysOn = alwaysOn;
        this.rate = Require.positiveOrInfinity("rate", rate);
        this.lambda = Require.nonNegative("lambda", lambda);
        this.form = Require.notNull("form", form);
        this.share = Require.notNull("share", share);
    }

    @Override
    public String spec() {
        return "mlem:rate=" + (Double.isInfinite(rate) ? "inf" : rate) + ",lambda=" + lambda + ",form=" + form.name().toLowerCase(Locale.ROOT)
                + ",share=" + share.name().toLowerCase(Locale.ROOT) + (alwaysOn > 0 ? ",open=" + alwaysOn : "");
    }

    @Override
    public Optional<String> randomNfeCounter() {
        return Optional.of(EXTRA);
    }

    /**
     * The gate probabilities p_k = min(1, eta lambda_k(t)) at time t and step size eta (all 1 without pilot differences or
     * with rate = inf), clamped at 1 for the always-on levels 1..open.
     */
    public double[] probabilities(ScoreModel model, double t, double eta) {
        double[] p = rates(model, t);
        if (alwaysOn > p.length) {
            throw new IllegalArgumentException("open = " + alwaysOn + " is not allowed for a hierarchy of " + p.length + " levels: must be an "
                    + "integer in [0, " + p.length + "]");
        }
        for (int k = 0; k < p.length; k++) {
            p[k] = k < alwaysOn ? 1 : Math.min(1, eta * p[k]);
        }
        return p;
    }

    /** The rates lambda_k(t) = Lambda delta_k(t) / sqrt(C_k); Infinity (gate always open) without pilot differences or with rate = inf. */
    public double[] rates(ScoreModel model, double t) {
        if (!(model instanceof ModelHierarchy h)) {
            return new double[] {Double.POSITIVE_INFINITY};
        }
        if (h.differences().isEmpty() || Double.isInfinite(rate)) {
            double[] open = new double[h.size()];
            Arrays.fill(open, Double.POSITIVE_INFINITY);
            return open;
        }
        return h.rates(rate, t);
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        ScoreModel model = ctx.problem().model();
        ScoreModel[] levels = model instanceof ModelHierarchy h ? h.models().toArray(ScoreModel[]::new) : new ScoreModel[] {model};
        ScoreModel base = model instanceof ModelHierarchy h ? h.base().orElse(null) : null;
        int depth = levels.length;
        int rows = (int) x.getShape().get(0);
        var schedule = ctx.problem().schedule();
        long calls = 0;
        long[] perLevel = new long[depth];
        long[] perRows = new long[depth];
        long baseCalls = 0;
        for (int i = 0; i < ctx.steps(); i++) {
            double t = ctx.grid().t(i);
            double dt = ctx.grid().t(i + 1) - t;
            double[] p = probabilities(model, t, Math.abs(dt));
            // w[k][r]: the weight B_k / p_k of level k for row r (one row when shared); level by level, as it is read
            int weighted = share == Share.BATCH ? 1 : rows;
            double[][] w = new double[depth + 1][weighted];
            for (int k = 0; k < depth; k++) {
                if (p[k] >= 1) {
                    Arrays.fill(w[k], 1);
                } else if (share == Share.BATCH) {
                    w[k][0] = ctx.noise().uniformShared() < p[k] ? 1 / p[k] : 0;
                } else {
                    double[] u = ctx.noise().uniform();
                    for (int r = 0; r < rows; r++) {
                        w[k][r] = u[r] < p[k] ? 1 / p[k] : 0;
                    }
                }
            }
            // the terms this step needs, top level first and the base (index 0) last: c_k = w_k - w_{k+1}, c_0 = 1 - w_1
            double[][] coefficient = new double[depth + 1][];
            int[] order = new int[depth + 1];
            int terms = 0;
            for (int k = depth; k >= 0; k--) {
                if (k == 0 && base == null) {
                    continue;
                }
                double[] c = new double[weighted];
                int needed = 0;
                for (int r = 0; r < weighted; r++) {
                    c[r] = k == 0 ? 1 - w[0][r] : w[k - 1][r] - w[k][r];
                    needed += c[r] != 0 ? 1 : 0;
                }
                if (needed > 0) {
                    coefficient[k] = c;
                    order[terms++] = k;
                    calls++;
                    if (k == 0) {
                        baseCalls++;
                    } else {
                        perLevel[k - 1]++;
                        perRows[k - 1] += share == Share.BATCH ? rows : needed;
                    }
                }
            }
            int[] ks = Arrays.copyOf(order, terms);
            // one call for the levels of a hierarchy (a score they share is evaluated once), in the order the terms are added
            NDArray[] scores = model instanceof ModelHierarchy h ? ctx.scores(h, ks, x, i)
                    : ks.length == 0 ? new NDArray[0] : new NDArray[] {ctx.score(levels[0], x, i)};
            NDArray v = null;
            for (int j = 0; j < ks.length; j++) {
                double[] c = coefficient[ks[j]];
                NDArray s = scores[j];
                NDArray term = share == Share.BATCH ? (c[0] == 1 ? s : Scalars.mul(s, c[0])) : s.mul(RowWeights.column(x, c, 1));
                v = v == null ? term : v.add(term);
            }
            if (v == null) {
                v = x.zerosLike();
            }
            x = ctx.endStep(i, step(ctx, x, v, schedule.drift(t), schedule.diffusionSquared(t), dt, i));
        }
        for (int k = 0; k < depth; k++) {
            ctx.count("level" + (k + 1), perLevel[k]);
            ctx.count("levelRows" + (k + 1), perRows[k]);
        }
        ctx.count(BASE, baseCalls);
        ctx.count(EXTRA, calls - ctx.steps());
        return x;
    }

    /** One step from x with score estimate v; the Euler form repeats {@link EulerMaruyama}'s arithmetic operation for operation. */
    private NDArray step(RunContext ctx, NDArray x, NDArray v, double f, double g2, double dt, int i) {
        double c = 0.5 * (1 + lambda * lambda) * g2;
        if (form == Form.EULER || Math.abs(f * dt) < 1e-12) {
            NDArray next = x.add(Scalars.mul(x, f * dt)).sub(Scalars.mul(v, c * dt));
            return lambda > 0 ? next.add(Scalars.mul(ctx.normal(x, i), lambda * Math.sqrt(g2 * -dt))) : next;
        }
        ExponentialStep e = ExponentialStep.of(ctx.problem().schedule(), ctx.grid().t(i), dt, lambda);
        NDArray next = Scalars.mul(x, e.decay()).add(Scalars.mul(v, e.scoreWeight()));
        return lambda > 0 ? next.add(Scalars.mul(ctx.normal(x, i), e.noiseScale())) : next;
    }
}
