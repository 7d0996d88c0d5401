package org.difflab.runtime.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The residual block of Ho et al. 2020's UNet (after He et al. 2016), without dropout:
 * h = conv1(SiLU(norm1(x))) + dense(SiLU(emb)) per channel; h = conv2(SiLU(norm2(h))); out = skip(x) + h, where skip
 * is the identity when the channel count is kept and a 1 x 1 convolution otherwise. Inputs (x [B, in, H, W],
 * SiLU(emb) [B, E]): the caller applies SiLU to the time embedding once for all blocks.
 */
final class ResBlock extends AbstractBlock {
    private final int out;
    private final GroupNorm norm1;
    private final Conv2d conv1;
    private final Linear time;
    private final GroupNorm norm2;
    private final Conv2d conv2;
    private final Conv2d skip;

    ResBlock(int in, int out, int groups) {
        this.out = out;
        norm1 = addChildBlock("norm1", new GroupNorm(in, groups));
        conv1 = addChildBlock("conv1", Conv3x3.of(out, 1));
        time = addChildBlock("time", Linear.builder().setUnits(out).build());
        norm2 = addChildBlock("norm2", new GroupNorm(out, groups));
        conv2 = addChildBlock("conv2", Conv3x3.of(out, 1));
        skip = in == out ? null : addChildBlock("skip", Conv2d.builder().setKernelShape(new Shape(1, 1)).setFilters(out).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.get(0);
        NDArray emb = inputs.get(1);
        NDArray h = conv1.forward(store, new NDList(Silu.apply(norm1.forward(store, new NDList(x), training).head())), training)
                .head();
        NDArray shift = time.forward(store, new NDList(emb), training).head().reshape(-1, out, 1, 1);
        h = h.add(shift);
        h = conv2.forward(store, new NDList(Silu.apply(norm2.forward(store, new NDList(h), training).head())), training).head();
        NDArray identity = skip == null ? x : skip.forward(store, new NDList(x), training).head();
        return new NDList(identity.add(h));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        Shape h = new Shape(x.get(0), out, x.get(2), x.get(3));
        norm1.initialize(manager, dataType, x);
        conv1.initialize(manager, dataType, x);
        time.initialize(manager, dataType, inputShapes[1]);
        norm2.initialize(manager, dataType, h);
        conv2.initialize(manager, dataType, h);
        if (skip != null) {
            skip.initialize(manager, dataType, x);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape x = inputShapes[0];
        return new Shape[] {new Shape(x.get(0), out, x.get(2), x.get(3))};
    }
}
