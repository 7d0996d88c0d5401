package org.difflab.runtime.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The up-sampling step of Ho et al. 2020's UNet: nearest-neighbour doubling of the side (each pixel repeated in a 2 x 2
 * patch, as {@code torch.nn.functional.interpolate(x, scale_factor=2, mode="nearest")}), then a 3 x 3 convolution
 * keeping the channel count. DJL 0.35.1 has no up-sampling block; the doubling is a broadcast and a reshape, whose
 * results belong to x's manager.
 */
final class Upsample extends AbstractBlock {
    private final Conv2d conv;

    Upsample(int channels) {
        conv = addChildBlock("conv", Conv3x3.of(channels, 1));
    }

    /** Nearest-neighbour doubling of x [B, C, H, W] to [B, C, 2H, 2W]. */
    static NDArray nearest(NDArray x) {
        Shape s = x.getShape();
        long b = s.get(0);
        long c = s.get(1);
        long h = s.get(2);
        long w = s.get(3);
        return x.reshape(b, c, h, 1, w, 1).broadcast(b, c, h, 2, w, 2).reshape(b, c, 2 * h, 2 * w);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return conv.forward(store, new NDList(nearest(inputs.singletonOrThrow())), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        conv.initialize(manager, dataType, doubled(inputShapes[0]));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {doubled(inputShapes[0])};
    }

    private static Shape doubled(Shape s) {
        return new Shape(s.get(0), s.get(1), 2 * s.get(2), 2 * s.get(3));
    }
}
