package org.difflab.dsl.control;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.tensor.RowReductions;
import org.difflab.dsl.tensor.Scalars;

/**
 * The scaled error of one attempted step, per row: the root mean square over a sample's entries of
 * (higher - lower) / (atol + rtol max(|x|, |higher|)), x the state at the step's start (Hairer, Norsett and Wanner,
 * Solving ODEs I, eq. II.4.11, the norm diffrax's {@code PIDController} uses by default). A value <= 1 means the local
 * error estimate is within tolerance. Each row is its own norm, never the batch's (k-diffusion's {@code dpm_adaptive}
 * takes one norm over the whole batch, so that a sample's steps depend on its neighbours): with
 * {@link RowReductions} a row's value has the same bits in any batch.
 */
final class ScaledError {
    private ScaledError() {}

    /** The scaled error of each row, as Java numbers (NaN where the estimate is NaN). */
    static double[] of(NDArray start, NDArray higher, NDArray lower, double rtol, double atol) {
        NDArray scale = Scalars.add(Scalars.mul(start.abs().maximum(higher.abs()), rtol), atol);
        double[] sums = RowReductions.sumsOfSquares(higher.sub(lower).div(scale));
        long entries = start.getShape().size() / start.getShape().get(0);
        double[] out = new double[sums.length];
        for (int r = 0; r < sums.length; r++) {
            out[r] = Math.sqrt(sums[r] / entries);
        }
        return out;
    }
}
