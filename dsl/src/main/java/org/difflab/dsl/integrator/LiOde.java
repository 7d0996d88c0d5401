package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.tensor.Scalars;

/**
 * The probability-flow ODE ("DDIM-type") sampler of Li, Wei, Chen and Chi (2023), as stated in Li and Yan
 * (arXiv 2409.18959, eq. 2.5): Y_{t-1} = (Y_t + (1 - alpha_t)/2 s_t(Y_t)) / sqrt(alpha_t), with
 * alpha_t = abar_t / abar_{t-1} between neighbouring grid points. Run it on {@code li:T=...} with a grid ending at
 * t = 1: its guarantee is for law(X_1).
 */
public final class LiOde extends LiChain {

    public LiOde() {
        super(IntegratorInfo.deterministic("liOde", 1, 1));
    }

    @Override
    protected NDArray step(LiStep s, NDArray x) {
        // the product is this step's own array: x added to it and the sum divided in place (x + a = a + x exactly), the
        // same bits with a result array fewer
        return Scalars.inPlace(Scalars.mul(s.score(x), (1 - s.alpha()) / 2).addi(x), Scalars.InPlaceOp.DIV, Math.sqrt(s.alpha()));
    }
}
