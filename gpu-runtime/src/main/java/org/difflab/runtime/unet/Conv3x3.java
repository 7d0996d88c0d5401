package org.difflab.runtime.unet;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;

/** The 3 x 3 convolution of the UNet and its blocks, in a class of its own so that the blocks do not import the UNet. */
final class Conv3x3 {
    private Conv3x3() {}

    /** A 3 x 3 convolution with padding 1 and a bias. */
    static Conv2d of(int filters, int stride) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters).optPadding(new Shape(1, 1))
                .optStride(new Shape(stride, stride)).build();
    }
}
