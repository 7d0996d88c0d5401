package org.difflab.runtime.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * SiLU (swish with beta = 1), x * sigmoid(x) (Elfwing et al. 2018; the nonlinearity of Ho et al. 2020's UNet). DJL's
 * {@code Activation.swish(x, beta)} multiplies by the Number beta, an operand the DJL pitfalls of this project forbid in
 * training code; this form uses tensor operands only, and its result belongs to x's manager.
 */
final class Silu {
    private Silu() {}

    static NDArray apply(NDArray x) {
        return x.mul(Activation.sigmoid(x));
    }
}
