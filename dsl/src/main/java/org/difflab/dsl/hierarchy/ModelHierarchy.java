package org.difflab.dsl.hierarchy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.difflab.dsl.Require;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.model.ScorePredictor;
import org.difflab.dsl.model.ScoreWithError;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * A model hierarchy for multilevel samplers: score models s^1..s^K of increasing accuracy (level K the most accurate,
 * the one a plain sampler would use) with a cost C_k per evaluation.
 *
 * <p><b>Why.</b> Multilevel Euler-Maruyama (ML-EM; Jacot 2026, arXiv 2603.24594) replaces the network term of each
 * drift evaluation by the randomized telescoping sum sum_k (B_k / p_k)(s^k - s^{k-1}) with s^0 = 0, so it needs the
 * whole family together with each member's cost; in the HTMC regime (delta_k ~ 2^-k at cost C_k ~ 2^{gamma k},
 * gamma &gt; 2) it samples at the cost of O(1) top-level evaluations. See the research note mlem_parallel.md, sections
 * A.2 (the step rule; {@link #difference} is its Delta_k) and A.4 (measuring gamma; {@link LevelDifferences}).
 *
 * <p><b>Base.</b> The research note's reconstruction splits the drift into an exact, cheap part and the network part
 * (section A.2: "only the network term should be randomized"; SAMPLERS.md section 5: "drift = exact linear part +
 * network part"). {@link #withBase} sets that part as a score model s^0 (default s^0 = 0): multilevel samplers evaluate
 * it whenever level 1 is not, and telescope from it, Delta_1 = s^1 - s^0. Without it, Delta_1 is the whole score and
 * gating it turns the stiff part of the score (-x / sigma^2 near the data) into large random jumps.
 *
 * <p>Levels are numbered 1..K as in the paper. All levels must share one event shape. Costs must be finite and
 * &gt; 0; they are not required to increase, because measured costs ({@link #measured}) of nearly equal models may
 * come out in either order. Which model is "more accurate" is the caller's declaration (the order of the list); the
 * hierarchy does not check it, {@link LevelDifferences} measures it.
 */
public final class ModelHierarchy implements ScorePredictor {
    private final List<Level> levels;
    private final Shape eventShape;
    private final ScoreModel base;
    private final PilotDifferences differences;

    private ModelHierarchy(List<Level> levels, ScoreModel base, PilotDifferences differences) {
        this.levels = List.copyOf(levels);
        this.eventShape = levels.get(0).model().eventShape();
        this.base = base;
        this.differences = differences;
    }

    /** A hierarchy from its levels, level 1 first. */
    public static ModelHierarchy of(List<Level> levels) {
        Require.notNull("levels", levels);
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("levels = [] is not allowed: a hierarchy needs at least 1 level");
        }
        Shape shape = null;
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            if (level == null) {
                throw new IllegalArgumentException("levels[" + i + "] is missing: must not be null");
            }
            Shape s = level.model().eventShape();
            if (shape == null) {
                shape = s;
            } else if (!shape.equals(s)) {
                throw new IllegalArgumentException("levels[" + i + "] has event shape " + s + ", which is not allowed: "
                        + "every level must have the event shape " + shape + " of level 1");
            }
        }
        return new ModelHierarchy(levels, null, null);
    }

    /** A hierarchy from models (level 1 first) and their declared costs per evaluation, one per model. */
    public static ModelHierarchy of(List<? extends ScoreModel> models, double[] costs) {
        Require.notNull("models", models);
        Require.notNull("costs", costs);
        if (costs.length != models.size()) {
            throw new IllegalArgumentException("costs has " + costs.length + " entries, which is not allowed: must be "
                    + models.size() + ", one per model");
        }
        List<Level> levels = new ArrayList<>(models.size());
        for (int i = 0; i < costs.length; i++) {
            if (models.get(i) == null) {
                throw new IllegalArgumentException("models[" + i + "] is missing: must not be null");
            }
            levels.add(new Level(models.get(i), Require.positive("costs[" + i + "]", costs[i])));
        }
        return of(levels);
    }

    /**
     * A hierarchy whose costs are measured: the mean wall time in seconds of one evaluation of the batch x at the
     * given noise level ({@link CostMeter#meanSeconds}), after {@code warmup} untimed evaluations.
     */
    public static ModelHierarchy measured(List<? extends ScoreModel> models, NDArray x, NoiseLevel level, int warmup, int repeats) {
        Require.notNull("models", models);
        double[] costs = new double[models.size()];
        for (int i = 0; i < costs.length; i++) {
            costs[i] = CostMeter.meanSeconds(Require.notNull("models[" + i + "]", models.get(i)), x, level, warmup, repeats);
        }
        return of(models, costs);
    }

    /** The same hierarchy (base and pilot differences kept) with its costs measured now (see {@link #measured}). */
    public ModelHierarchy withMeasuredCosts(NDArray x, NoiseLevel level, int warmup, int repeats) {
        return new ModelHierarchy(measured(models(), x, level, warmup, repeats).levels, base, differences);
    }

    /**
     * This hierarchy with s^0 = base, the exact part of the score that multilevel samplers never randomize (e.g. the
     * score of a Gaussian fitted to the data, or the exact score under a synthetic hierarchy); same event shape.
     */
    public ModelHierarchy withBase(ScoreModel base) {
        Require.notNull("base", base);
        if (!base.eventShape().equals(eventShape)) {
            throw new IllegalArgumentException("base has event shape " + base.eventShape() + ", which is not allowed: must be "
                    + eventShape + ", the levels' event shape");
        }
        return new ModelHierarchy(levels, base, differences);
    }

    /** The base s^0, if set by {@link #withBase} (otherwise s^0 = 0). */
    public Optional<ScoreModel> base() {
        return Optional.ofNullable(base);
    }

    /** Number of levels K. */
    public int size() {
        return levels.size();
    }

    /** Level k, 1 &lt;= k &lt;= K. */
    public Level level(int k) {
        Require.inRange("k", k, 1, levels.size());
        return levels.get(k - 1);
    }

    /** The model of level k. */
    public ScoreModel model(int k) {
        return level(k).model();
    }

    /** The cost C_k of one evaluation of level k. */
    public double cost(int k) {
        return level(k).cost();
    }

    /** The most accurate model, level K. */
    public ScoreModel top() {
        return levels.get(levels.size() - 1).model();
    }

    /** All levels, level 1 first. */
    public List<Level> levels() {
        return levels;
    }

    /** All models, level 1 first. */
    public List<ScoreModel> models() {
        return levels.stream().map(Level::model).toList();
    }

    /** All costs C_1..C_K (a copy). */
    public double[] costs() {
        return levels.stream().mapToDouble(Level::cost).toArray();
    }

    /** Shape of one sample, shared by all levels. */
    public Shape eventShape() {
        return eventShape;
    }

    /**
     * This hierarchy with pilot estimates of its level differences delta_1..delta_K (e.g.
     * {@link LevelDifferences#deltas()}, or known ones of a synthetic hierarchy), from which multilevel samplers set
     * their evaluation rates lambda_k = Lambda delta_k / sqrt(C_k).
     */
    public ModelHierarchy withDifferences(double[] deltas) {
        return withDifferences(PilotDifferences.global(deltas, levels.size()));
    }

    /** This hierarchy with pilot level differences per time bin (e.g. {@link LevelDifferences#pilot()}). */
    public ModelHierarchy withDifferences(PilotDifferences pilot) {
        Require.notNull("pilot", pilot);
        if (pilot.levels() != levels.size()) {
            throw new IllegalArgumentException("pilot has " + pilot.levels() + " levels, which is not allowed: one per level, " + levels.size());
        }
        return new ModelHierarchy(levels, base, pilot);
    }

    /** The pilot level differences, if set by {@link #withDifferences}. */
    public Optional<PilotDifferences> differences() {
        return Optional.ofNullable(differences);
    }

    /**
     * The multilevel evaluation rates at time t, lambda_k(t) = scale delta_k(t) / sqrt(C_k) (index 0 = level 1): the
     * rates that minimise the randomized drift's variance times its cost (research note mlem_parallel.md, section A.3).
     */
    public double[] rates(double scale, double t) {
        return ratesOf(pilot().at(t), scale);
    }

    /** The largest rate of each level over all time bins (the bound a thinned Poisson clock needs). */
    public double[] maxRates(double scale) {
        return ratesOf(pilot().max(), scale);
    }

    private PilotDifferences pilot() {
        if (differences == null) {
            throw new IllegalStateException("this hierarchy has no pilot differences: set them with withDifferences before asking for rates");
        }
        return differences;
    }

    /** scale delta_k / sqrt(C_k), in place. */
    private double[] ratesOf(double[] deltas, double scale) {
        Require.positive("scale", scale);
        for (int k = 0; k < deltas.length; k++) {
            deltas[k] *= scale / Math.sqrt(levels.get(k).cost());
        }
        return deltas;
    }

    /**
     * s^K(x) in score space: as a score model the hierarchy is its top level, so a plain sampler on it is the
     * baseline of a multilevel one.
     */
    @Override
    public NDArray predict(NDArray x, NoiseLevel level) {
        return score(levels.size(), x, level);
    }

    /** s^k(x) converted to the score parameterization; k = 0 is the base (zero without one). */
    public NDArray score(int k, NDArray x, NoiseLevel level) {
        Require.inRange("k", k, 0, levels.size());
        Require.notNull("x", x);
        Require.notNull("level", level);
        if (k == 0 && base == null) {
            return x.zerosLike();
        }
        ScoreModel m = k == 0 ? base : levels.get(k - 1).model();
        return m.predictScore(x, level);
    }

    /**
     * s^k(x) for each k of {@code ks} (0: the base), in score space, at one state and level: each model is evaluated once
     * in the call, and levels that add their own error to a shared score ({@link ScoreWithError} over one base, as a
     * synthetic hierarchy's levels over its exact score, which is also its base) evaluate that score once, not once per
     * level. The same numbers as {@link #score} level by level (multilevel Euler-Maruyama with gates per sample needs
     * most levels at every step: 13 exact scores a step at 12 levels became one).
     */
    public NDArray[] scores(int[] ks, NDArray x, NoiseLevel level) {
        Require.notNull("ks", ks);
        Require.notNull("x", x);
        Require.notNull("level", level);
        Map<ScoreModel, NDArray> evaluated = new IdentityHashMap<>();
        NDArray[] out = new NDArray[ks.length];
        for (int j = 0; j < ks.length; j++) {
            int k = Require.inRange("ks[" + j + "]", ks[j], 0, levels.size());
            ScoreModel m = k == 0 ? base : levels.get(k - 1).model();
            if (m == null) {
                out[j] = x.zerosLike();
            } else if (m instanceof ScoreWithError w) {
                out[j] = w.predictWithBase(evaluated.computeIfAbsent(w.base(), b -> b.predictScore(x, level)), x);
            } else {
                out[j] = evaluated.computeIfAbsent(m, b -> b.predictScore(x, level));
            }
        }
        return out;
    }

    /** The level difference Delta_k(x) = s^k(x) - s^{k-1}(x) in score space (Delta_1 = s^1 without a base). */
    public NDArray difference(int k, NDArray x, NoiseLevel level) {
        Require.inRange("k", k, 1, levels.size());
        NDArray upper = score(k, x, level);
        return k == 1 && base == null ? upper : upper.sub(score(k - 1, x, level));
    }

    /** One line per level: index, model, cost. */
    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("hierarchy of " + levels.size() + " level" + (levels.size() == 1 ? "" : "s"));
        if (base != null) {
            b.append("\n  [0] base ").append(base.describe());
        }
        for (int k = 1; k <= levels.size(); k++) {
            b.append("\n  [").append(k).append("] ").append(levels.get(k - 1).describe());
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
