package org.difflab.dsl.control;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Per-row numbers and row subsets of a batch [B, event...] for a run whose rows take their own steps: a coefficient per
 * row as a column that broadcasts against the batch, and gathering and replacing rows by index. Every operation here is
 * element-wise or a copy, so a row's bits do not depend on the rows around it (see
 * {@link org.difflab.dsl.tensor.RowReductions} for why reductions need care).
 */
final class RowColumns {
    private RowColumns() {}

    /** The values as a column [B, 1, ..., 1] in the batch's type, on its manager. */
    static NDArray column(double[] values, NDArray like) {
        long[] shape = new long[like.getShape().dimension()];
        java.util.Arrays.fill(shape, 1);
        shape[0] = values.length;
        NDArray wide = like.getManager().create(values, new Shape(shape));
        return like.getDataType() == DataType.FLOAT64 ? wide : wide.toType(like.getDataType(), false);
    }

    /** The rows of {@code x} at {@code rows}, in that order. */
    static NDArray gather(NDArray x, int[] rows) {
        if (isIdentity(rows, x)) {
            return x;
        }
        return x.get(index(x, rows));
    }

    /** A copy of {@code full} with its rows at {@code rows} replaced by the rows of {@code values}. */
    static NDArray replace(NDArray full, int[] rows, NDArray values) {
        if (isIdentity(rows, full)) {
            return values;
        }
        NDArray out = full.duplicate();
        out.set(new NDIndex("{}", index(full, rows)), values);
        return out;
    }

    private static NDArray index(NDArray like, int[] rows) {
        long[] idx = new long[rows.length];
        for (int r = 0; r < rows.length; r++) {
            idx[r] = rows[r];
        }
        return like.getManager().create(idx);
    }

    private static boolean isIdentity(int[] rows, NDArray x) {
        if (rows.length != x.getShape().get(0)) {
            return false;
        }
        for (int r = 0; r < rows.length; r++) {
            if (rows[r] != r) {
                return false;
            }
        }
        return true;
    }
}
