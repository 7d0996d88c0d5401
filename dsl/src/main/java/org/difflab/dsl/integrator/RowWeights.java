package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.difflab.dsl.tensor.Scalars;

/** Per-sample weights as a tensor that broadcasts over a batch: the shared piece of samplers that weight rows differently. */
final class RowWeights {
    private RowWeights() {}

    /** scale w_r as a [B, 1, ...] tensor of x's type and rank (B = w.length). */
    static NDArray column(NDArray x, double[] w, double scale) {
        double[] f = new double[w.length];
        for (int r = 0; r < w.length; r++) {
            f[r] = scale * w[r];
        }
        long[] dims = new long[x.getShape().dimension()];
        Arrays.fill(dims, 1);
        dims[0] = w.length;
        return Scalars.copyOf(x.getManager(), f, new Shape(dims), x.getDataType());
    }
}
