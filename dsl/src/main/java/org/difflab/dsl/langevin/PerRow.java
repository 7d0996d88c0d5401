package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.function.DoubleUnaryOperator;
import org.difflab.dsl.tensor.Scalars;

/** Coefficients that are either shared (an array of length 1) or one per row, as a [n, 1] tensor that broadcasts over a batch. */
final class PerRow {
    private PerRow() {}

    /** f applied to every entry of s, as a [s.length, 1] tensor of like's data type on like's manager. */
    private static NDArray of(NDArray like, double[] s, DoubleUnaryOperator f) {
        double[] v = new double[s.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.applyAsDouble(s[i]);
        }
        return Scalars.copyOf(like.getManager(), v, new Shape(v.length, 1), like.getDataType());
    }

    /** a times f(s): by a scalar when s is shared (length 1), else row by row. */
    static NDArray times(NDArray a, double[] s, DoubleUnaryOperator f) {
        return s.length == 1 ? Scalars.mul(a, f.applyAsDouble(s[0])) : a.mul(of(a, s, f));
    }

    /** A length-1 array: the same time for every row. */
    static double[] shared(double s) {
        return new double[] {s};
    }
}
