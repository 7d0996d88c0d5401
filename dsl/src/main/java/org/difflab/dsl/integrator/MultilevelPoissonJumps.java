package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import java.util.Locale;
import java.util.Optional;
import org.difflab.dsl.Require;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.model.ExactScore;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.GaussianReverseTransition;

/**
 * The eta -&gt; 0 limit of {@link MultilevelEulerMaruyama}, simulated exactly and without a grid: a Poisson jump process
 * (Jacot 2026, arXiv 2603.24594; research note mlem_parallel.md, section A.2, "eta -&gt; 0 limit"; the limit being a
 * Poisson jump process is confirmed by Paing and Jacot 2026 [F], the simulation below is the note's reconstruction).
 * With p_k = eta lambda_k and eta -&gt; 0 the gates of level k become a Poisson process of rate lambda_k(t); between
 * events the state follows the exact part of the reverse SDE, dx = [f x - c s^0(x)] dt + lambda g dW-bar with
 * c = (1 + lambda^2)/2 g^2; at a level-k event at time tau it jumps by c(tau) Delta_k(tau, x) / lambda_k(tau) in reverse
 * time. Its expected drift is the top level's, and its cost, sum over events of C_k + C_{k-1}, does not depend on a
 * step size: it is the second implementation against which the stepped sampler's eta-plateau is checked.
 *
 * <p><b>Exact transitions between events.</b> The base s^0 must be the exact score of a diagonal Gaussian target
 * ({@link ModelHierarchy#withBase}, as {@link org.difflab.dsl.hierarchy.SyntheticHierarchy} sets it): between events
 * the state moves by {@link GaussianReverseTransition}, exact in law whatever the state; with lambda = 0 it is the
 * deterministic flow.
 *
 * <p><b>Events.</b> Level rates may change between pilot time bins, so events are drawn by thinning: candidate times
 * from one clock of rate R = sum_k max_t lambda_k(t), each candidate marked level k with probability
 * lambda_k(tau) / R (or nothing). {@code share=batch}: one clock and one mark for the whole run (every row jumps
 * together, as batched networks want); {@code share=sample}: the candidate times are shared but each row draws its own
 * mark, so each row's events of level k are a Poisson process of rate lambda_k(t) (thinning), while rows are no longer
 * independent of each other (they can only jump at common times); a level is evaluated on the whole batch when any row
 * needs it. The grid only sets the start, the end, and the points where observers see the state: between two grid
 * points the run transitions exactly through its events. Counters as for {@link MultilevelEulerMaruyama}:
 * {@code level<k>}, {@code levelRows<k>}, {@link MultilevelEulerMaruyama#BASE},
 * {@link MultilevelEulerMaruyama#EXTRA} (calls minus grid steps) and {@link #EVENTS}; an event of level k evaluates
 * s^k and s^{k-1}. Not in the registry: it needs a Gaussian base, which neither the command line nor the registry's
 * generic checks provide; build it with the constructor ({@link Integrators#codeOnly()} tells a user who names it why).
 */
public final class MultilevelPoissonJumps extends StatedIntegrator {
    /** Counter of accepted events (per sample with share=sample: summed over rows). */
    public static final String EVENTS = "events";

    private final double rate;
    private final double lambda;
    private final MultilevelEulerMaruyama.Share share;

    /**
     * @param rate   Lambda &gt; 0, finite: the scale of the rates lambda_k(t) = Lambda delta_k(t) / sqrt(C_k)
     * @param lambda noise scale of the reverse SDE, &gt;= 0 (0: the probability-flow ODE)
     * @param share  one clock and mark for the run, or per-sample marks
     */
    public MultilevelPoissonJumps(double rate, double lambda, MultilevelEulerMaruyama.Share share) {
        // order 0: the grid-free process has no discretization error; its error is the randomization's, independent of steps
        super(new IntegratorInfo("mlemPoisson", 1, lambda > 0, 0));
        this.rate = Require.positive("rate", rate);
        if (Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate = Infinity is not allowed: the Poisson limit needs finite rates (use mlem:rate=inf for Euler-Maruyama)");
        }
        this.lambda = Require.nonNegative("lambda", lambda);
        this.share = Require.notNull("share", share);
    }

    @Override
    public String spec() {
        return "mlemPoisson:rate=" + rate + ",lambda=" + lambda + ",share=" + share.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Optional<String> randomNfeCounter() {
        return Optional.of(MultilevelEulerMaruyama.EXTRA);
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        ModelHierarchy h = hierarchy(ctx.problem().model());
        NoiseSchedule schedule = ctx.problem().schedule();
        var exact = new GaussianReverseTransition((Gaussian) ((ExactScore) h.base().orElseThrow()).target(), schedule, lambda);
        Shape event = x.getShape().slice(1);
        int depth = h.size();
        int rows = (int) x.getShape().get(0);
        double[] bound = h.maxRates(rate);
        double total = 0;
        for (double b : bound) {
            total += b;
        }
        long calls = 0;
        long events = 0;
        long baseCalls = 0;
        long[] perLevel = new long[depth];
        long[] perRows = new long[depth];
        double t = ctx.grid().t(0);
        for (int i = 0; i < ctx.steps(); i++) {
            double end = ctx.grid().t(i + 1);
            while (true) {
                double wait = -Math.log1p(-ctx.noise().uniformShared()) / total; // exponential, in reverse time
                double tau = t - wait;
                if (tau <= end) {
                    x = transition(ctx, x, exact, event, t, end);
                    t = end;
                    break;
                }
                try (NDScope scope = new NDScope()) {
                    x = transition(ctx, x, exact, event, t, tau);
                    t = tau;
                    double[] lambdas = h.rates(rate, tau);
                    var level = schedule.level(tau);
                    // coefficient[k][r]: the jump weight c / lambda_k of level k for row r (0: no event)
                    double[][] coefficient = marks(ctx, lambdas, total, rows, 0.5 * (1 + lambda * lambda) * schedule.diffusionSquared(tau));
                    for (int k = 0; k < depth; k++) {
                        int needed = 0;
                        for (double c : coefficient[k]) {
                            needed += c != 0 ? 1 : 0;
                        }
                        if (needed == 0) {
                            continue;
                        }
                        NDArray upper = ctx.score(h.model(k + 1), x, level);
                        NDArray lower = k == 0 ? ctx.score(h.base().orElseThrow(), x, level) : ctx.score(h.model(k), x, level);
                        calls += 2;
                        perLevel[k]++;
                        perRows[k] += needed;
                        if (k == 0) {
                            baseCalls++;
                        } else {
                            perLevel[k - 1]++;
                            perRows[k - 1] += needed;
                        }
                        events += needed;
                        NDArray weight = share == MultilevelEulerMaruyama.Share.BATCH ? x.getManager().create(coefficient[k][0]).toType(x.getDataType(), false)
                                : RowWeights.column(x, coefficient[k], 1);
                        x = x.add(upper.sub(lower).mul(weight));
                    }
                    NDScope.unregister(x);
                }
            }
            x = ctx.endStep(i, x);
        }
        for (int k = 0; k < depth; k++) {
            ctx.count("level" + (k + 1), perLevel[k]);
            ctx.count("levelRows" + (k + 1), perRows[k]);
        }
        ctx.count(EVENTS, events);
        ctx.count(MultilevelEulerMaruyama.BASE, baseCalls);
        ctx.count(MultilevelEulerMaruyama.EXTRA, calls - ctx.steps());
        return x;
    }

    /** The event marks at one candidate time: per level, per row (one row when shared), c / lambda_k or 0. */
    private double[][] marks(RunContext ctx, double[] lambdas, double total, int rows, double c) {
        double[] u = share == MultilevelEulerMaruyama.Share.BATCH ? new double[] {ctx.noise().uniformShared()} : ctx.noise().uniform();
        double[][] coefficient = new double[lambdas.length][u.length];
        for (int r = 0; r < u.length; r++) {
            double m = u[r] * total;
            for (int k = 0; k < lambdas.length; k++) {
                if (m < lambdas[k]) {
                    coefficient[k][r] = c / lambdas[k];
                    break;
                }
                m -= lambdas[k];
            }
        }
        return coefficient;
    }

    /** The exact transition of the base's reverse SDE from time a down to time b. */
    private static NDArray transition(RunContext ctx, NDArray x, GaussianReverseTransition exact, Shape event, double a, double b) {
        if (a == b) {
            return x;
        }
        double[][] c = exact.coefficients(a, b);
        var m = x.getManager();
        NDArray next = x.mul(m.create(c[0], event).toType(x.getDataType(), false)).add(m.create(c[1], event).toType(x.getDataType(), false));
        return exact.stochastic() ? next.add(ctx.normal(x, a, b).mul(m.create(c[2], event).toType(x.getDataType(), false))) : next;
    }

    private static ModelHierarchy hierarchy(ScoreModel model) {
        String allowed = "mlemPoisson needs a ModelHierarchy with pilot differences whose base is the exact score of a diagonal Gaussian target "
                + "(e.g. SyntheticHierarchy.linear(target.exactScore(), ...).withDifferences(...))";
        if (!(model instanceof ModelHierarchy h)) {
            throw new IllegalArgumentException("model = " + model.describe() + " is not allowed: " + allowed);
        }
        if (h.differences().isEmpty()) {
            throw new IllegalArgumentException("model has no pilot differences, which is not allowed: " + allowed);
        }
        boolean gaussianBase = h.base().filter(b -> b instanceof ExactScore e && e.target() instanceof Gaussian g && g.diagonal()).isPresent();
        if (!gaussianBase) {
            throw new IllegalArgumentException("model base = " + h.base().map(ScoreModel::describe).orElse("none") + " is not allowed: " + allowed);
        }
        return h;
    }
}
