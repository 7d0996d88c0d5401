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
        return Scalars.inPlace(x.add(Scalars.mul(s.score(x), (1 - s.alpha()) / 2)), Scalars.InPlaceOp.DIV, Math.sqrt(s.alpha()));
    }
}
