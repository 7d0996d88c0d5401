package org.difflab.dsl.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.function.BinaryOperator;

/**
 * Per-row reductions whose result for a row does not depend on the batch around it: not on the batch size, the row's
 * position, the intra-op thread count or the SIMD kernels the engine picks for the processor. Every sampler, score and
 * wrapper that takes a number or a decision from a row (a norm, a sum, a maximum, a log-sum-exp, a dot product) uses
 * these instead of the engine's reductions.
 *
 * <p>Why: libtorch reduces and multiplies matrices with kernels and splits chosen by the tensor's shape, the thread
 * count and the processor (measured here: {@code x.matMul(w)} gives other last bits for most rows of a [64, 17] batch
 * than for the same rows alone; {@code pow(-1)} on a [64, 1] column differs from the same entry alone on AVX2, which
 * made the clipped momentum sampler's samples depend on the batch size). How: the reduction is a halving tree of
 * element-wise operations over column slices. Level by level the first half of the columns is combined with the second
 * half (an odd last column is carried to the next level), so the order in which a row's entries are combined depends on
 * the row's length only. Element-wise addition, multiplication and maximum are correctly rounded IEEE operations, one
 * result per element whatever the kernel, vector width, tail handling or thread split, so the tree gives the same bits
 * for a row in any batch. The transcendental functions used beside them ({@code exp}, {@code log}) are element-wise
 * kernels whose per-element result is checked position- and thread-independent by {@code ElementwiseInvarianceTest}.
 *
 * <p>Cost: ceil(log2 n) rounds of a split and one operation for a row of n entries, on the tensor's own device (15-30
 * microseconds a round on the CPU engine of a busy 2-core machine; measured in docs/architecture.md).
 */
public final class RowReductions {
    /** Largest product tensor {@link #matMul} builds at once (rows are processed in chunks of at most this many entries). */
    private static final long CHUNK_ENTRIES = 1L << 22;

    private RowReductions() {}

    /** The sum of each row's entries over every axis but the first: [B, ...] -> [B]. */
    public static NDArray sum(NDArray x) {
        return tree(flat(x), 1, NDArray::add).squeeze(new int[] {1, 2});
    }

    /** The sum of squares of each row's entries: [B, ...] -> [B]. */
    public static NDArray sumOfSquares(NDArray x) {
        return sum(x.mul(x));
    }

    /** The Euclidean norm of each row, shaped [B, 1, ..., 1] so that it broadcasts against x. */
    public static NDArray norm(NDArray x) {
        return sumOfSquares(x).sqrt().reshape(broadcastShape(x));
    }

    /**
     * Each row's sum of squares computed in float64, as Java numbers: what a run's decisions (tolerance stops, gates)
     * compare with a threshold.
     */
    public static double[] sumsOfSquares(NDArray x) {
        NDArray wide = x.toType(DataType.FLOAT64, false);
        return sumOfSquares(wide).toDoubleArray();
    }

    /**
     * The sum along one axis, which is dropped: the K entries along it are combined in the order {@link #sum} uses for a
     * row of K entries, whatever the other axes (so a layout with the reduced axis anywhere gives the same bits).
     */
    public static NDArray sum(NDArray x, int axis) {
        return overAxis(x, axis, NDArray::add);
    }

    /**
     * {@link #sum(NDArray, int)} with the axis kept at length 1, so that the result broadcasts against x: the same
     * operations in the same order, without the two reshapes (each an engine call; docs/performance.md).
     */
    public static NDArray sumKeepingAxis(NDArray x, int axis) {
        return tree(x, axis(x, axis), NDArray::add);
    }

    /** The largest entry along the last axis: [..., K] -> [...]. NaN wins, as in the engine's maximum. */
    public static NDArray max(NDArray x) {
        return overAxis(x, -1, NDArray::maximum);
    }

    /** log sum_k exp(x_k) along the last axis, shifted by the row's maximum: [..., K] -> [...]. */
    public static NDArray logSumExp(NDArray x) {
        int last = axis(x, -1);
        NDArray top = tree(x, last, NDArray::maximum);
        return tree(expOfShifted(x.sub(top)), last, NDArray::add).log().add(top).squeeze(last);
    }

    /** exp(x_k) / sum_j exp(x_j) along the last axis, shifted by the row's maximum: [..., K] -> [..., K]. */
    public static NDArray softmax(NDArray x) {
        return softmax(x, -1);
    }

    /** {@link #softmax(NDArray)} along any axis: the same operations on the same entries, so the same bits. */
    public static NDArray softmax(NDArray x, int axis) {
        int a = axis(x, axis);
        NDArray e = expOfShifted(x.sub(tree(x, a, NDArray::maximum)));
        return e.div(tree(e, a, NDArray::add));
    }

    /**
     * exp(y) of entries shifted by their row's maximum (y <= 0, the maximum's own entry 0), with y first raised to the
     * smallest argument whose exp is a normal number (-87 in float32, -708 in float64). libtorch's CPU exp leaves its
     * vector path for every argument whose result underflows and is then about 20 times slower (80,000 float32 values:
     * 0.14-0.4 ms at y >= -86, 3-6 ms at y <= -95; docs/performance.md); a mixture's far components at small noise send
     * most entries there. The raised entries give e^-87 (1.6e-38) or e^-708 instead of a subnormal or zero: the row sums
     * these entries join contain the maximum's 1, so they are the same bits; a softmax weight changes only below
     * 1.7e-38, which changes a score's bits only where the score itself is below about 1e-30 in magnitude. NaN stays NaN.
     */
    private static NDArray expOfShifted(NDArray y) {
        return Scalars.maximum(y, y.getDataType() == DataType.FLOAT64 ? -708 : -87).exp();
    }

    /**
     * The product x w of rows x [B, n] with a matrix w [n, k] -> [B, k]: each entry the tree sum of the n products
     * x_i w_ij, in the order of {@link #sum}. Rows are processed in chunks whose product tensor [rows, n, k] stays small.
     */
    public static NDArray matMul(NDArray x, NDArray w) {
        Shape xs = x.getShape();
        Shape ws = w.getShape();
        if (xs.dimension() != 2 || ws.dimension() != 2 || xs.get(1) != ws.get(0)) {
            throw new IllegalArgumentException("shapes " + xs + " and " + ws + " are not allowed: rows [B, n] times a matrix [n, k]");
        }
        long rows = xs.get(0);
        long chunk = Math.max(1, CHUNK_ENTRIES / Math.max(1, ws.size()));
        NDArray weights = w.expandDims(0);
        if (rows <= chunk) {
            return tree(x.expandDims(2).mul(weights), 1, NDArray::add).squeeze(1);
        }
        NDList parts = new NDList();
        for (long first = 0; first < rows; first += chunk) {
            NDArray part = x.get(new NDIndex("{}:{}", first, Math.min(rows, first + chunk)));
            parts.add(tree(part.expandDims(2).mul(weights), 1, NDArray::add).squeeze(1));
        }
        return NDArrays.concat(parts, 0);
    }

    /** x as [B, n, 1]: the rows' entries along axis 1. */
    private static NDArray flat(NDArray x) {
        long rows = x.getShape().get(0);
        return x.reshape(rows, rows == 0 ? 0 : x.size() / rows, 1);
    }

    /** Reduces one axis of x with op (negative counts from the end), which is dropped; the other axes are kept in order. */
    private static NDArray overAxis(NDArray x, int axis, BinaryOperator<NDArray> op) {
        int a = axis(x, axis);
        return tree(x, a, op).squeeze(a);
    }

    /** The axis as a non-negative index into x's shape (negative counts from the end). */
    private static int axis(NDArray x, int axis) {
        int rank = x.getShape().dimension();
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank) {
            throw new IllegalArgumentException("axis = " + axis + " is not allowed for shape " + x.getShape() + ": -" + rank + " to " + (rank - 1));
        }
        return a;
    }

    /**
     * The halving tree over one axis of x, kept at length 1: at each level the first floor(n/2) slices are combined
     * with the next floor(n/2), an odd last slice is carried. The combination order depends on n only.
     */
    private static NDArray tree(NDArray x, int axis, BinaryOperator<NDArray> op) {
        long n = x.getShape().get(axis);
        if (n == 0) {
            throw new IllegalArgumentException("rows have no entries, which is not allowed: a reduction needs at least one");
        }
        while (n > 1) {
            long half = n / 2;
            NDList parts = n % 2 == 0 ? x.split(2, axis) : x.split(new long[] {half, 2 * half}, axis);
            NDArray pair = op.apply(parts.get(0), parts.get(1));
            x = n % 2 == 0 ? pair : pair.concat(parts.get(2), axis);
            n = half + n % 2;
        }
        return x;
    }

    /** [B, 1, ..., 1] with x's rank. */
    private static Shape broadcastShape(NDArray x) {
        long[] dims = new long[x.getShape().dimension()];
        java.util.Arrays.fill(dims, 1);
        dims[0] = x.getShape().get(0);
        return new Shape(dims);
    }
}
