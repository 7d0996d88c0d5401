package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import org.difflab.dsl.tensor.RowReductions;

/**
 * The per-sample clip of a momentum correction shared by {@link MomentumStochastic} and {@link LiCaiStochastic}: each
 * row of the correction is rescaled to norm at most {@code limit} and the run statistic {@code clipped} counts the rows
 * that were (the exact evaluator refuses runs reporting it, since a clip is a nonlinear map of the draws). The norm is
 * {@link RowReductions#norm} and the rescaling a division by max(||C||, limit) / limit (exactly 1 where the clip is
 * inactive), so a sample's bits do not depend on its batch.
 */
final class CorrectionClip {
    private CorrectionClip() {}

    /** The correction with every row's norm clipped to {@code limit} (&gt; 0, finite), counting the clipped rows. */
    static NDArray apply(RunContext ctx, NDArray correction, double limit) {
        NDArray norm = RowReductions.norm(correction);
        ctx.count("clipped", norm.gt(limit).toType(DataType.INT64, false).sum().toLongArray()[0]); // getLong() indexes first: an engine call more
        return correction.div(norm.maximum(limit).div(limit));
    }
}
