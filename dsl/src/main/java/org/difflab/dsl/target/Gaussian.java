package org.difflab.dsl.target;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.difflab.dsl.Require;
import org.difflab.dsl.noise.NoiseStream;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.RowReductions;
import org.difflab.dsl.tensor.Scalars;

/**
 * A Gaussian N(m, Sigma), stored as Sigma = U diag(lambda) U^T (U = identity for diagonal covariance).
 * Its noised marginal at (alpha, sigma) is N(alpha m, U diag(alpha^2 lambda + sigma^2) U^T), so the exact
 * score is -U diag(1/(alpha^2 lambda + sigma^2)) U^T (x - alpha m): affine in x, which is what the exact
 * evaluator of theory-checks exploits.
 */
public final class Gaussian implements Target {
    private final double[] mean;
    private final double[] eigenvalues;
    private final double[][] basis; // columns are eigenvectors; null = identity
    private final double[] basisRows; // the basis row-major in one array, which a run keeps as a tensor (Scalars.constant)
    private final String spec;

    private Gaussian(double[] mean, double[] eigenvalues, double[][] basis, String spec) {
        this.mean = mean;
        this.eigenvalues = eigenvalues;
        this.basis = basis;
        this.basisRows = basis == null ? null : Arrays.stream(basis).flatMapToDouble(Arrays::stream).toArray();
        this.spec = spec;
    }

    /** N(mean, diag(variances)). */
    public static Gaussian diagonal(double[] mean, double[] variances) {
        Require.finite("mean", mean);
        Require.finite("variances", variances);
        Require.sameDimension("variances", variances.length, mean.length);
        for (int i = 0; i < variances.length; i++) {
            if (!(variances[i] > 0)) {
                throw new IllegalArgumentException("variances[" + i + "] = " + variances[i] + " is not allowed: must be > 0");
            }
        }
        return new Gaussian(mean.clone(), variances.clone(), null,
                "gaussian:d=" + mean.length + ",mean=" + join(mean) + ",diag=" + join(variances));
    }

    /** N(mean, var I) in d dimensions. */
    public static Gaussian isotropic(int d, double mean, double var) {
        Require.positive("d", d);
        Require.finite("mean", mean);
        Require.positive("var", var);
        double[] m = new double[d];
        double[] v = new double[d];
        Arrays.fill(m, mean);
        Arrays.fill(v, var);
        return new Gaussian(m, v, null, "gaussian:d=" + d + ",mean=" + mean + ",var=" + var);
    }

    /** N(mean, covariance) with a full symmetric positive definite covariance. */
    public static Gaussian full(double[] mean, double[][] covariance) {
        Require.finite("mean", mean);
        Require.sameDimension("covariance", covariance.length, mean.length);
        for (int i = 0; i < covariance.length; i++) {
            Require.sameDimension("covariance row " + i, covariance[i].length, mean.length);
            Require.finite("covariance[" + i + "]", covariance[i]);
            for (int j = 0; j < i; j++) {
                if (Math.abs(covariance[i][j] - covariance[j][i]) > 1e-12 * (Math.abs(covariance[i][j]) + 1)) {
                    throw new IllegalArgumentException("covariance[" + i + "][" + j + "] = " + covariance[i][j]
                            + " is not allowed: the covariance must be symmetric (covariance[" + j + "][" + i + "] = " + covariance[j][i] + ")");
                }
            }
        }
        EigenDecomposition e = new EigenDecomposition(new Array2DRowRealMatrix(covariance, true));
        double[] lambda = e.getRealEigenvalues();
        for (int i = 0; i < lambda.length; i++) {
            if (!(lambda[i] > 0)) {
                throw new IllegalArgumentException("covariance has eigenvalue " + lambda[i] + ", which is not allowed: must be positive definite");
            }
        }
        RealMatrix u = e.getV();
        return new Gaussian(mean.clone(), lambda, u.getData(), "gaussian:d=" + mean.length + ",mean=" + join(mean) + ",cov=full");
    }

    /** The same Gaussian under another spec string (for factories whose parameters rebuild it, e.g. a seeded rotation). */
    Gaussian withSpec(String spec) {
        return new Gaussian(mean, eigenvalues, basis, spec);
    }

    private static String join(double[] v) {
        boolean same = Arrays.stream(v).allMatch(x -> x == v[0]);
        if (same) {
            return Double.toString(v[0]);
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ";").append(v[i]);
        }
        return b.toString();
    }

    @Override
    public int dim() {
        return mean.length;
    }

    @Override
    public String spec() {
        return spec;
    }

    /** Eigenvalues of the covariance (the variances along the eigenbasis). */
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /** Eigenvectors as columns, or null when the covariance is diagonal in the standard basis. */
    public double[][] eigenbasis() {
        return basis == null ? null : Arrays.stream(basis).map(double[]::clone).toArray(double[][]::new);
    }

    /** Whether the eigenbasis is the standard basis. */
    public boolean diagonal() {
        return basis == null;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[][] covariance() {
        int d = dim();
        double[][] c = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                if (basis == null) {
                    c[i][j] = i == j ? eigenvalues[i] : 0;
                } else {
                    double s = 0;
                    for (int k = 0; k < d; k++) {
                        s += basis[i][k] * eigenvalues[k] * basis[j][k];
                    }
                    c[i][j] = s;
                }
            }
        }
        return c;
    }

    /** Rotates rows into the eigenbasis: x U (identity for a diagonal covariance), row by row invariant ({@link RowReductions}). */
    NDArray toEigen(NDArray x) {
        return basis == null ? x : RowReductions.matMul(x, basisTensor(x));
    }

    /** Rotates rows back: y U^T. */
    NDArray fromEigen(NDArray y) {
        return basis == null ? y : RowReductions.matMul(y, basisTensor(y).transpose());
    }

    /** U as a tensor of {@code like}'s type, kept for the run ({@link Scalars#constant}: no copy per call). */
    private NDArray basisTensor(NDArray like) {
        return Scalars.constant(like.getManager(), basisRows, new Shape(basis.length, basis[0].length), like.getDataType());
    }

    /**
     * A matrix of Java numbers as a tensor of {@code like}'s type on its manager ({@link Scalars#copyOf}: inside a run
     * no tensor is created from Java values; float32 numbers rounded to nearest, as the engine's conversion rounds).
     */
    static NDArray constant(NDArray like, double[][] m) {
        int cols = m.length == 0 ? 0 : m[0].length;
        double[] flat = new double[m.length * cols];
        for (int i = 0; i < m.length; i++) {
            System.arraycopy(m[i], 0, flat, i * cols, cols);
        }
        return Scalars.copyOf(like.getManager(), flat, new Shape(m.length, cols), like.getDataType());
    }

    /** A vector of Java numbers as a tensor of {@code like}'s type (see {@link #constant(NDArray, double[][])}). */
    static NDArray constant(NDArray like, double[] v) {
        return Scalars.copyOf(like.getManager(), v, new Shape(v.length), like.getDataType());
    }

    /**
     * A per-coordinate constant at the given levels: shape [d] for one level (shared by every row), [N, d] for one
     * level per row; {@code perLevel} gives the d values at one level.
     */
    private static NDArray atLevels(NDArray like, NoiseLevel[] levels, Function<NoiseLevel, double[]> perLevel) {
        if (levels.length == 1) {
            return constant(like, perLevel.apply(levels[0]));
        }
        int run = 1;
        while (run < levels.length && levels[run].equals(levels[0])) {
            run++;
        }
        boolean equalRuns = levels.length % run == 0;
        for (int r = 0; equalRuns && r < levels.length; r++) {
            equalRuns = levels[r].equals(levels[r - r % run]);
        }
        if (equalRuns) {
            // batches stacked slot by slot: one row of constants per slot, expanded natively (no per-row buffer from Java)
            double[][] slots = new double[levels.length / run][];
            for (int k = 0; k < slots.length; k++) {
                slots[k] = perLevel.apply(levels[k * run]);
            }
            int d = slots[0].length;
            return constant(like, slots).expandDims(1).broadcast(new Shape(slots.length, run, d)).reshape(levels.length, d);
        }
        double[][] rows = new double[levels.length][];
        for (int r = 0; r < rows.length; r++) {
            rows[r] = perLevel.apply(levels[r]);
        }
        return constant(like, rows);
    }

    /**
     * x combined with a per-coordinate constant at the levels ({@link #atLevels}). Where one level serves every row and
     * the constant is one number in every coordinate (an isotropic target, d = 1: most exact evaluations), it is applied
     * as that number ({@link Scalars}) instead of a tensor of constants made for the call: the same operation on the
     * same numbers, so the same bits, without a tensor created from Java values per call (docs/performance.md).
     */
    private static NDArray withConstant(NDArray x, NoiseLevel[] levels, Function<NoiseLevel, double[]> perLevel,
            BinaryOperator<NDArray> withTensor, BiFunction<NDArray, Double, NDArray> withNumber) {
        if (levels.length == 1) {
            double[] v = perLevel.apply(levels[0]);
            if (oneNumber(v)) {
                return withNumber.apply(x, v[0]);
            }
        }
        return withTensor.apply(x, atLevels(x, levels, perLevel));
    }

    /** Whether every entry has the bits of the first (so -0.0 and 0.0 count as different numbers). */
    private static boolean oneNumber(double[] v) {
        long first = Double.doubleToRawLongBits(v[0]);
        for (double c : v) {
            if (Double.doubleToRawLongBits(c) != first) {
                return false;
            }
        }
        return true;
    }

    private double[] noisedVariances(NoiseLevel level) {
        double a2 = level.alpha() * level.alpha();
        double s2 = level.sigma() * level.sigma();
        double[] v = new double[dim()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a2 * eigenvalues[i] + s2;
        }
        return v;
    }

    /**
     * Centred input in the eigenbasis: (x - alpha m) U; shared by the score and the log density. {@code levels}: one
     * level for every row, or one per row.
     */
    NDArray centredEigen(NDArray x, NoiseLevel[] levels) {
        Require.sameDimension("x", x.getShape().get(x.getShape().dimension() - 1), dim());
        requireLevels(x, levels);
        return toEigen(withConstant(x, levels, this::noisedMean, NDArray::sub, Scalars::sub));
    }

    /** The noised marginal's mean alpha m at a level. */
    double[] noisedMean(NoiseLevel level) {
        double[] am = new double[dim()];
        for (int i = 0; i < am.length; i++) {
            am[i] = level.alpha() * mean[i];
        }
        return am;
    }

    static void requireLevels(NDArray x, NoiseLevel[] levels) {
        if (levels.length != 1 && levels.length != x.getShape().get(0)) {
            throw new IllegalArgumentException("levels has " + levels.length + " entries, which is not allowed for a batch of "
                    + x.getShape().get(0) + " rows: one level for every row, or one per row");
        }
    }

    @Override
    public NDArray score(NDArray x, NoiseLevel level) {
        return score(x, new NoiseLevel[] {level});
    }

    @Override
    public NDArray score(NDArray x, NoiseLevel[] levels) {
        return scoreOfCentred(centredEigen(x, levels), levels);
    }

    /** The score from centred eigen-coordinates c = (x - alpha m) U. */
    NDArray scoreOfCentred(NDArray c, NoiseLevel[] levels) {
        return fromEigen(withConstant(c, levels, level -> scaledInverseVariances(level, -1), NDArray::mul, Scalars::mul));
    }

    /** {@code factor} / (alpha^2 lambda_i + sigma^2) for each eigen-coordinate i at a level. */
    double[] scaledInverseVariances(NoiseLevel level, double factor) {
        double[] v = noisedVariances(level);
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = factor / v[i];
        }
        return out;
    }

    /** The log of the noised density's normaliser at a level: -1/2 sum_i ln(2 pi (alpha^2 lambda_i + sigma^2)). */
    double logNormaliser(NoiseLevel level) {
        double logNorm = 0;
        for (double v : noisedVariances(level)) {
            logNorm -= 0.5 * Math.log(2 * Math.PI * v);
        }
        return logNorm;
    }

    @Override
    public NDArray logDensity(NDArray x, NoiseLevel level) {
        NoiseLevel[] levels = {level};
        return logDensityOfCentred(centredEigen(x, levels), levels);
    }

    /** The log density from centred eigen-coordinates c = (x - alpha m) U. */
    NDArray logDensityOfCentred(NDArray c, NoiseLevel[] levels) {
        double[] logNorm = new double[levels.length];
        for (int r = 0; r < levels.length; r++) {
            logNorm[r] = logNormaliser(levels[r]);
        }
        NDArray quadratic = RowReductions.sum(withConstant(c.mul(c), levels, level -> scaledInverseVariances(level, -0.5), NDArray::mul, Scalars::mul));
        return levels.length == 1 ? quadratic.add(logNorm[0]) : quadratic.add(constant(c, logNorm));
    }

    @Override
    public NDArray sample(NDManager manager, NoiseStream noise, DataType type) {
        return fromStandard(noise.normal(manager, new Shape(dim()), type));
    }

    /** m + U diag(sqrt(lambda)) z for standard normal rows z. */
    NDArray fromStandard(NDArray z) {
        double[] sd = new double[dim()];
        for (int i = 0; i < sd.length; i++) {
            sd[i] = Math.sqrt(eigenvalues[i]);
        }
        return fromEigen(z.mul(constant(z, sd))).add(constant(z, mean));
    }

    @Override
    public String toString() {
        return spec;
    }
}
