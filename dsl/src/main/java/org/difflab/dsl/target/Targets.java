package org.difflab.dsl.target;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.difflab.dsl.Require;
import org.difflab.dsl.spec.Spec;

/** Factory of targets, by method or by spec string (see {@link #specs()}). */
public final class Targets {
    private Targets() {}

    /** Largest eigenvalue ratio of {@link #rotatedGaussian}: beyond it the eigendecomposition loses the small eigenvalues. */
    private static final double MAX_SPREAD = 1e12;

    /** Standard normal in d dimensions. */
    public static Gaussian gaussian(int d) {
        return Gaussian.isotropic(d, 0, 1);
    }

    /** N(mean 1, var I) in d dimensions. */
    public static Gaussian gaussian(int d, double mean, double var) {
        return Gaussian.isotropic(d, mean, var);
    }

    /**
     * A Gaussian with covariance eigenvalues log-spaced from var to var * spread along a random rotation
     * (seeded): a full-covariance test case whose eigenbasis is not the standard one. spread is at most 1e12, a condition
     * number the eigendecomposition resolves in double precision (at 1e308 it does not converge).
     */
    public static Gaussian rotatedGaussian(int d, double mean, double var, double spread, long seed) {
        Require.positive("d", d);
        Require.positive("var", var);
        Require.inRange("spread", spread, Double.MIN_VALUE, MAX_SPREAD);
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] g = new double[d][d];
        for (double[] row : g) {
            for (int j = 0; j < d; j++) {
                row[j] = gaussianDraw(rng);
            }
        }
        RealMatrix q = new QRDecomposition(new Array2DRowRealMatrix(g, false)).getQ();
        double[][] c = new double[d][d];
        for (int k = 0; k < d; k++) {
            double lambda = var * Math.pow(spread, d == 1 ? 0 : (double) k / (d - 1));
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    c[i][j] += q.getEntry(i, k) * lambda * q.getEntry(j, k);
                }
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                c[i][j] = c[j][i];
            }
        }
        double[] m = new double[d];
        Arrays.fill(m, mean);
        // the spec must rebuild this target (Target.spec()); "cov=full" alone does not parse
        return Gaussian.full(m, c).withSpec("gaussian:d=" + d + ",mean=" + mean + ",var=" + var + ",spread=" + spread + ",seed=" + seed);
    }

    private static double gaussianDraw(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** Eight equal Gaussians (variance var) on a circle of the given radius in 2-D. */
    public static GaussianMixture ring(int k, double radius, double var) {
        Require.positive("k", k);
        Require.positive("radius", radius);
        List<Gaussian> cs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double a = 2 * Math.PI * i / k;
            cs.add(Gaussian.diagonal(new double[] {radius * Math.cos(a), radius * Math.sin(a)}, new double[] {var, var}));
        }
        double[] w = new double[k];
        Arrays.fill(w, 1.0);
        return new GaussianMixture(cs, w, "gmm:preset=ring" + k + ",radius=" + radius + ",var=" + var);
    }

    /** A side x side grid of equal Gaussians with spacing 2 centred at 0 in 2-D. */
    public static GaussianMixture grid(int side, double var) {
        Require.positive("side", side);
        List<Gaussian> cs = new ArrayList<>();
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                cs.add(Gaussian.diagonal(new double[] {2 * i - (side - 1), 2 * j - (side - 1)}, new double[] {var, var}));
            }
        }
        double[] w = new double[side * side];
        Arrays.fill(w, 1.0);
        return new GaussianMixture(cs, w, "gmm:preset=grid" + (side * side) + ",var=" + var);
    }

    /** k random components in d dimensions: means N(0, scale^2 I), variance var, Dirichlet-like weights (seeded). */
    public static GaussianMixture randomMixture(int d, int k, double scale, double var, long seed) {
        Require.positive("d", d);
        Require.positive("k", k);
        Require.positive("scale", scale);
        SplittableRandom rng = new SplittableRandom(seed);
        List<Gaussian> cs = new ArrayList<>();
        double[] w = new double[k];
        for (int c = 0; c < k; c++) {
            double[] m = new double[d];
            double[] v = new double[d];
            for (int i = 0; i < d; i++) {
                m[i] = scale * gaussianDraw(rng);
                v[i] = var;
            }
            cs.add(Gaussian.diagonal(m, v));
            w[c] = 0.5 + rng.nextDouble();
        }
        return new GaussianMixture(cs, w, "gmm:d=" + d + ",k=" + k + ",scale=" + scale + ",var=" + var + ",seed=" + seed);
    }

    /** Spec syntax and defaults of every target, for {@code difflab list targets}. */
    public static Map<String, String> specs() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("gaussian:d=2,mean=0,var=1", "isotropic Gaussian N(mean, var I)");
        m.put("gaussian:d=3,mean=0,diag=0.1;0.5;2", "Gaussian with diagonal covariance");
        m.put("gaussian:d=8,mean=0,var=0.05,spread=20,seed=1", "full covariance: eigenvalues var..var*spread, random rotation");
        m.put("gmm:preset=ring8,radius=2,var=0.01", "8 Gaussians on a circle (2-D)");
        m.put("gmm:preset=grid9,var=0.02", "3 x 3 grid of Gaussians, spacing 2 (2-D)");
        m.put("gmm:d=4,k=3,scale=2,var=0.1,seed=1", "random mixture in d dimensions");
        return m;
    }

    /** Builds a target from a spec such as {@code gaussian:d=2,mean=1,var=0.05} or {@code gmm:preset=ring8}. */
    public static Target parse(String text) {
        Spec s = Spec.parse("target", text);
        Target t = switch (s.name()) {
            case "gaussian" -> parseGaussian(s);
            case "gmm" -> parseMixture(s);
            default -> throw s.bad("name", s.name(), "one of gaussian, gmm");
        };
        s.done();
        return t;
    }

    private static Gaussian parseGaussian(Spec s) {
        int d = s.integer("d", 2);
        if (d < 1 || d > 100_000) {
            throw s.bad("d", d, "an integer in [1, 100000]");
        }
        double mean = s.real("mean", 0);
        double[] diag = s.reals("diag");
        if (diag != null) {
            if (diag.length != d) {
                throw s.bad("diag", diag.length + " values", d + " values separated by ';' (one per dimension d)");
            }
            for (double v : diag) {
                if (!(v > 0)) {
                    throw s.bad("diag", s.string("diag", null), "variances > 0 separated by ';'");
                }
            }
            double[] m = new double[d];
            Arrays.fill(m, mean);
            return Gaussian.diagonal(m, diag);
        }
        double var = s.positiveReal("var", 1);
        if (s.has("spread")) {
            double spread = s.real("spread", 1);
            if (!(spread >= 1 && spread <= MAX_SPREAD)) {
                throw s.bad("spread", spread, "in [1, 1e12] (the covariance's condition number)");
            }
            return rotatedGaussian(d, mean, var, spread, s.integer("seed", 1));
        }
        return Gaussian.isotropic(d, mean, var);
    }

    private static GaussianMixture parseMixture(Spec s) {
        String preset = s.string("preset", null);
        if (preset == null) {
            int d = s.integer("d", 2);
            int k = s.integer("k", 3);
            if (d < 1 || d > 100_000) {
                throw s.bad("d", d, "an integer in [1, 100000]");
            }
            if (k < 1 || k > 1000) {
                throw s.bad("k", k, "an integer in [1, 1000]");
            }
            double scale = s.positiveReal("scale", 2);
            double var = s.positiveReal("var", 0.1);
            return randomMixture(d, k, scale, var, s.integer("seed", 1));
        }
        if (preset.startsWith("ring")) {
            int k = presetCount(s, preset, "ring");
            double radius = s.positiveReal("radius", 2);
            double var = s.positiveReal("var", 0.01);
            return ring(k, radius, var);
        }
        if (preset.startsWith("grid")) {
            int k = presetCount(s, preset, "grid");
            int side = (int) Math.round(Math.sqrt(k));
            if (side * side != k) {
                throw s.bad("preset", preset, "gridN with N a perfect square (grid4, grid9, grid25)");
            }
            double var = s.positiveReal("var", 0.02);
            return grid(side, var);
        }
        throw s.bad("preset", preset, "ringN (e.g. ring8) or gridN (e.g. grid9)");
    }

    private static int presetCount(Spec s, String preset, String prefix) {
        try {
            int k = Integer.parseInt(preset.substring(prefix.length()));
            if (k >= 1 && k <= 1000) {
                return k;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw s.bad("preset", preset, prefix + "N with N an integer in [1, 1000]");
    }
}
