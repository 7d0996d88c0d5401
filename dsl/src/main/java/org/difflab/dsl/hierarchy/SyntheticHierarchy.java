package org.difflab.dsl.hierarchy;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.difflab.dsl.Require;
import org.difflab.dsl.hierarchy.SyntheticLevel.Form;
import org.difflab.dsl.model.ScoreModel;

/**
 * A synthetic {@link ModelHierarchy} with a known HTMC exponent gamma: level k has an error of RMS size ~ 2^-k and the
 * declared cost C_k = 2^{gamma k}, so delta_k ~ C_k^{-1/gamma}. It is the test bed of multilevel samplers and of the
 * gamma estimator ({@link LevelDifferences}), standing in for the trained UNets of increasing width of Jacot (2026),
 * arXiv 2603.24594 (research note mlem_parallel.md, sections A.2 "Hierarchies" and A.7 test (iv); SAMPLERS.md
 * section 5: "accuracy 2^-k at cost 2^{gamma k}, e.g. truncated random-feature drifts").
 *
 * <p><b>Construction (ours, a reconstruction: the paper's synthetic hierarchy, if it has one, was not readable).</b>
 * A fixed random expansion of an error field, e(x) = sum_{j &gt;= 1} a_j phi_j(x) with weights a_j = scale 2^-j and
 * independent random maps phi_j, is truncated: level k keeps the tail beyond its own index,
 * <pre>
 *   s^k(x) = s(x) + e_k(x),   e_k(x) = sum_{j = k+1..K} a_j phi_j(x) + scale 2^-K / sqrt(3) phi_tail(x),
 * </pre>
 * so the level differences are exactly one term each, Delta_k = s^k - s^{k-1} = -scale 2^-k phi_k(x) (k &gt;= 2), and
 * the error of level k is O(2^-k). The last term stands for the infinite remainder sum_{j &gt; K} a_j phi_j: one
 * fresh map with the remainder's RMS (sqrt(sum_{j &gt; K} 4^-j) = 2^-K / sqrt(3), the maps being independent with mean
 * zero over the draws). So even the top level K is inexact, like a network, with RMS error about
 * scale 2^-K / sqrt(3) ||phi||, and level k's error is about scale 2^-k / sqrt(3) ||phi||. The [F] paper of the note (Paing and Jacot 2026) truncates a
 * random-feature expansion with decaying coefficients in the same spirit; the dyadic weights here make
 * delta_k = 2^-k RMS||phi_k|| directly, and the per-level random draws give the scatter about the line that a real
 * family of networks shows (so the fit's confidence interval is not degenerate).
 *
 * <p>The maps, drawn in a fixed order from XoRoShiRo128++ seeded with {@code seed} (so a hierarchy is the same bits
 * for the same arguments), with d = the number of entries of one sample:
 * <ul>
 *   <li>{@link Form#LINEAR}: phi_j(x) = S_j x + c_j with S_j a diagonal matrix of independent random signs +-1 and
 *       c_j uniform on the sphere of radius sqrt(d), so ||phi_j(x)||^2 = ||x||^2 + d + 2 c_j . S_j x, whose mean over
 *       the draws is ||x||^2 + d. Every level stays affine in x, so on a Gaussian target (affine exact score) a
 *       sampler step stays a linear-Gaussian map. The maps are diagonal on purpose: theory-checks' ExactEvaluator
 *       works in the target's eigenbasis and keeps only per-coordinate variances (diagonal Gaussians), so an error
 *       that coupled coordinates (a dense matrix) would make its law inexact; a diagonal error, applied to the
 *       evaluator's rotated exact score, keeps the coordinates decoupled and the evaluation exact. (Signs and
 *       fixed-norm offsets, rather than Gaussian entries, also keep the level-to-level scatter of delta_k small in
 *       low dimension: with dense Gaussian maps and d = 8, a first version had single levels off the 2^-k line by
 *       35%.)</li>
 *   <li>{@link Form#NONLINEAR}: random Fourier features, phi_j(x) = U_j [cos(W_j x + b_j); sin(W_j x + b_j)] / sqrt(m)
 *       with m = {@value #FEATURES} frequencies, entries of W_j ~ N(0, 1/d), of U_j (d x 2m) ~ N(0, 1),
 *       b_j ~ U[0, 2 pi). The feature vector has norm 1 at every x (cos^2 + sin^2 = 1), so phi_j is bounded and
 *       E||phi_j(x)||^2 = d over the draws of U_j. Not affine: for Monte Carlo checks.</li>
 * </ul>
 * The exact score s is the hierarchy's base s^0 (the exact part a multilevel sampler never randomizes), so
 * Delta_1 = e_1 is an error term too, of RMS about scale 2^-1 / sqrt(3) ||phi||.
 * The error depends on x only, <b>not on the noise level</b>: per-time-bin level differences then vary only through
 * the states visited (real networks' errors in score units grow as sigma -&gt; 0; scale the hierarchy or bin by time
 * if that matters for an experiment).
 */
public final class SyntheticHierarchy {

    /** Random frequencies per expansion term of the nonlinear form (each gives a cos and a sin feature). */
    public static final int FEATURES = 16;

    /** Largest number of levels (C_K = 2^{gamma K} must stay a modest double). */
    public static final int MAX_LEVELS = 30;

    private static final long MAX_STORED = 1L << 24;

    private SyntheticHierarchy() {}

    /** Affine levels s^k = s + e_k with RMS error ~ 2^-k and costs C_k = 2^{gamma k}, error scale 1. */
    public static ModelHierarchy linear(ScoreModel exact, int levels, double gamma, long seed) {
        return build(Form.LINEAR, exact, levels, gamma, 1, seed);
    }

    /** Affine levels with the error multiplied by {@code scale} (delta_k = scale 2^-k RMS||phi_k||). */
    public static ModelHierarchy linear(ScoreModel exact, int levels, double gamma, double scale, long seed) {
        return build(Form.LINEAR, exact, levels, gamma, scale, seed);
    }

    /** Levels with bounded Fourier-feature errors of RMS ~ 2^-k and costs C_k = 2^{gamma k}, error scale 1. */
    public static ModelHierarchy nonlinear(ScoreModel exact, int levels, double gamma, long seed) {
        return build(Form.NONLINEAR, exact, levels, gamma, 1, seed);
    }

    /** Nonlinear levels with the error multiplied by {@code scale}. */
    public static ModelHierarchy nonlinear(ScoreModel exact, int levels, double gamma, double scale, long seed) {
        return build(Form.NONLINEAR, exact, levels, gamma, scale, seed);
    }

    /** The declared cost of level k: 2^{gamma k}. */
    public static double cost(int k, double gamma) {
        return Math.pow(2, gamma * k);
    }

    /** d independent random signs +-1: the diagonal of a random reflection, an orthogonal map with ||S x|| = ||x||. */
    private static double[] signs(UniformRandomProvider rng, int d) {
        double[] v = new double[d];
        for (int i = 0; i < d; i++) {
            v[i] = rng.nextBoolean() ? 1 : -1;
        }
        return v;
    }

    /** A uniform random vector on the sphere of the given radius in R^d. */
    private static double[] sphere(ZigguratSampler.NormalizedGaussian normal, int d, double radius) {
        double[] v = new double[d];
        double norm2 = 0;
        for (int i = 0; i < d; i++) {
            v[i] = normal.sample();
            norm2 += v[i] * v[i];
        }
        double f = radius / Math.sqrt(norm2);
        for (int i = 0; i < d; i++) {
            v[i] *= f;
        }
        return v;
    }

    private static ModelHierarchy build(Form form, ScoreModel exact, int levels, double gamma, double scale, long seed) {
        Require.notNull("exact", exact);
        Require.inRange("levels", levels, 2, MAX_LEVELS);
        Require.positive("gamma", gamma);
        Require.positive("scale", scale);
        int d = Math.toIntExact(exact.eventShape().size());
        long stored = form == Form.LINEAR ? 4L * (levels + 1) * d
                : (long) (levels + 1) * (levels + 2) / 2 * (3L * FEATURES * d + FEATURES); // level k holds K + 1 - k terms
        if (stored > MAX_STORED) {
            throw new IllegalArgumentException("exact.eventShape() = " + exact.eventShape() + " (d = " + d + ") with levels = "
                    + levels + " is not allowed for the " + form.name().toLowerCase() + " form: it would store " + stored
                    + " numbers, at most " + MAX_STORED + " are allowed"
                    + " (use fewer levels or a smaller event shape)");
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(rng);
        // weights a_1..a_K, then the tail standing for sum_{j > K} a_j phi_j
        double[] weight = new double[levels + 2];
        for (int j = 1; j <= levels; j++) {
            weight[j] = scale * Math.pow(2, -j);
        }
        weight[levels + 1] = scale * Math.pow(2, -levels) / Math.sqrt(3);
        List<ScoreModel> models = new ArrayList<>(levels);
        double[] costs = new double[levels];
        for (int k = 1; k <= levels; k++) {
            costs[k - 1] = cost(k, gamma);
        }
        if (form == Form.LINEAR) {
            // draw phi_1..phi_K, phi_tail in order; level k's map is the weighted sum over j = k+1..K+1
            double[][] a = new double[levels + 2][];
            double[][] c = new double[levels + 2][];
            for (int j = 1; j <= levels + 1; j++) {
                a[j] = signs(rng, d); // the diagonal of S_j
                c[j] = sphere(normal, d, Math.sqrt(d));
            }
            double[][] diagonal = new double[levels + 1][];
            double[][] offset = new double[levels + 1][];
            double[] m = new double[d];
            double[] o = new double[d];
            for (int j = levels + 1; j >= 2; j--) {
                for (int i = 0; i < m.length; i++) {
                    m[i] += weight[j] * a[j][i];
                }
                for (int i = 0; i < d; i++) {
                    o[i] += weight[j] * c[j][i];
                }
                diagonal[j - 1] = m.clone(); // level j - 1 keeps the terms j..K+1
                offset[j - 1] = o.clone();
            }
            for (int k = 1; k <= levels; k++) {
                models.add(new SyntheticLevel(exact, form, k, levels, gamma, scale, seed, diagonal[k], offset[k], null));
            }
        } else {
            SyntheticLevel.Term[] term = new SyntheticLevel.Term[levels + 2];
            double sd = 1 / Math.sqrt(d);
            for (int j = 1; j <= levels + 1; j++) {
                double[] p = new double[d * FEATURES]; // [d, F]
                for (int i = 0; i < p.length; i++) {
                    p[i] = sd * normal.sample();
                }
                double[] b = new double[FEATURES];
                for (int i = 0; i < FEATURES; i++) {
                    b[i] = 2 * Math.PI * rng.nextDouble();
                }
                double[] u = new double[2 * FEATURES * d]; // [2F, d]: cos rows, then sin rows
                double w = weight[j] / Math.sqrt(FEATURES);
                for (int i = 0; i < u.length; i++) {
                    u[i] = w * normal.sample();
                }
                term[j] = new SyntheticLevel.Term(p, b, u, FEATURES);
            }
            for (int k = 1; k <= levels; k++) {
                List<SyntheticLevel.Term> kept = new ArrayList<>();
                for (int j = k + 1; j <= levels + 1; j++) {
                    kept.add(term[j]);
                }
                models.add(new SyntheticLevel(exact, form, k, levels, gamma, scale, seed, null, null, kept));
            }
        }
        return ModelHierarchy.of(models, costs).withBase(exact);
    }
}
