package org.difflab.runtime.unet;

import ai.djl.ndarray.NDArray;

/**
 * Sinusoidal features of the network time, [sin(t f_0) .. sin(t f_{h-1}), cos(t f_0) .. cos(t f_{h-1})] with
 * f_i = 10000^(-i/h), h = dim / 2: the positional encoding of Vaswani et al. 2017 as used for the diffusion time by
 * Ho et al. 2020. The frequencies are a constant tensor of t's manager, so every result belongs to t's manager.
 */
final class TimeEmbedding {
    private TimeEmbedding() {}

    /** The features [B, dim] of t [B]. */
    static NDArray sinusoidal(NDArray t, int dim) {
        int half = dim / 2;
        float[] f = new float[half];
        for (int i = 0; i < half; i++) {
            f[i] = (float) StrictMath.exp(-StrictMath.log(10000.0) * i / half);
        }
        NDArray angles = t.reshape(-1, 1).mul(t.getManager().create(f).reshape(1, half));
        return angles.sin().concat(angles.cos(), 1);
    }
}
