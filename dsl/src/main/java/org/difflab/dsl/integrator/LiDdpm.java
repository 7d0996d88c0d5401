package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.tensor.Scalars;

/**
 * The DDPM-type stochastic sampler of Li, Wei, Chen and Chi (2023), as in Li and Yan (arXiv 2409.18959, eq. 2.4):
 * Y_{t-1} = (Y_t + (1 - alpha_t) s_t(Y_t) + sqrt(1 - alpha_t) Z_t) / sqrt(alpha_t). Guarantee: TV to law(X_1)
 * of order 1/sqrt(T) (the paper), later shown to be d/T (Li and Yan).
 */
public final class LiDdpm extends LiChain {

    public LiDdpm() {
        super(IntegratorInfo.stochastic("liDdpm", 1, 1));
    }

    @Override
    protected NDArray step(LiStep s, NDArray x) {
        double alpha = s.alpha();
        NDArray score = s.score(x);
        // the product is this step's own array: x, then the noise term, added to it and the sum divided in place
        // (x + a = a + x exactly), the same bits with a result array fewer
        NDArray sum = Scalars.mul(score, 1 - alpha).addi(x).addi(Scalars.mul(s.noise(s.t(), s.tNext()), Math.sqrt(1 - alpha)));
        return Scalars.inPlace(sum, Scalars.InPlaceOp.DIV, Math.sqrt(alpha));
    }
}
