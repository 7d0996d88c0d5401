package org.difflab.runtime.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import ai.djl.util.PairList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.difflab.dsl.Require;

/**
 * A UNet (Ronneberger et al. 2015) in the form of Ho et al. 2020's DDPM network, without attention or dropout, built
 * from DJL blocks: forward (x [B, C, S, S] float32, t [B] float32) -> a tensor of x's shape (the noise prediction when
 * trained by {@link UNetTrainer}).
 *
 * <p>t enters through {@link TimeEmbedding} (width features) and two dense layers with a SiLU between them (4 * width
 * units). The down path is a 3 x 3 input convolution, then per level {@link UNetConfig#blocks()} {@link ResBlock}s and,
 * except at the last level, a stride-2 3 x 3 convolution; every output on the way down is kept for a skip connection.
 * Two residual blocks work at the lowest resolution. The up path mirrors it with one more residual block per level,
 * each taking its input concatenated with the latest unused skip, and an {@link Upsample} between levels; GroupNorm,
 * SiLU and a 3 x 3 convolution give the output. The layout is the one rebuilt in PyTorch by
 * {@code gpu-runtime/src/main/python/unet_to_torchscript.py}.
 */
public final class UNet extends AbstractBlock {
    private final UNetConfig config;
    private final Linear timeDense1;
    private final Linear timeDense2;
    private final Conv2d convIn;
    private final List<ResBlock> down = new ArrayList<>();
    private final List<Conv2d> downsample = new ArrayList<>();
    private final ResBlock middle1;
    private final ResBlock middle2;
    private final List<ResBlock> up = new ArrayList<>();
    private final List<Upsample> upsample = new ArrayList<>();
    private final GroupNorm normOut;
    private final Conv2d convOut;

    /** The architecture of {@code config}, parameters not yet allocated (see {@link #initialize(NDManager, long)}). */
    public UNet(UNetConfig config) {
        this.config = Require.notNull("config", config);
        int levels = config.levels();
        int groups = config.groups();
        timeDense1 = addChildBlock("timeDense1", Linear.builder().setUnits(config.embeddingWidth()).build());
        timeDense2 = addChildBlock("timeDense2", Linear.builder().setUnits(config.embeddingWidth()).build());
        convIn = addChildBlock("convIn", Conv3x3.of(config.width(), 1));
        Deque<Integer> skips = new ArrayDeque<>();
        skips.push(config.width());
        int ch = config.width();
        for (int i = 0; i < levels; i++) {
            for (int j = 0; j < config.blocks(); j++) {
                down.add(addChildBlock("down" + i + "_" + j, new ResBlock(ch, config.levelWidth(i), groups)));
                ch = config.levelWidth(i);
                skips.push(ch);
            }
            if (i < levels - 1) {
                downsample.add(addChildBlock("downsample" + i, Conv3x3.of(ch, 2)));
                skips.push(ch);
            }
        }
        middle1 = addChildBlock("middle1", new ResBlock(ch, ch, groups));
        middle2 = addChildBlock("middle2", new ResBlock(ch, ch, groups));
        for (int i = levels - 1; i >= 0; i--) {
            for (int j = 0; j <= config.blocks(); j++) {
                up.add(addChildBlock("up" + i + "_" + j, new ResBlock(ch + skips.pop(), config.levelWidth(i), groups)));
                ch = config.levelWidth(i);
            }
            if (i > 0) {
                upsample.add(addChildBlock("upsample" + i, new Upsample(ch)));
            }
        }
        normOut = addChildBlock("normOut", new GroupNorm(ch, groups));
        convOut = addChildBlock("convOut", Conv3x3.of(config.channels(), 1));
    }

    /** The architecture. */
    public UNetConfig config() {
        return config;
    }

    /**
     * Allocates the parameters in {@code manager} and draws them from a stream seeded by {@code seed}: weights uniform
     * in +-1/sqrt(fan-in) (PyTorch's default bound for convolutions and dense layers), biases 0, GroupNorm gamma 1 and
     * beta 0 ({@link SeededInitialization}). The same seed gives the same parameters bit for bit.
     */
    public UNet initialize(NDManager manager, long seed) {
        Require.notNull("manager", manager);
        initialize(manager, DataType.FLOAT32, new Shape(1, config.channels(), config.size(), config.size()), new Shape(1));
        SeededInitialization.apply(this, seed);
        return this;
    }

    /** The number of scalar parameters. */
    public long parameterCount() {
        long n = 0;
        for (Pair<String, Parameter> p : getParameters()) {
            n += p.getValue().getShape().size();
        }
        return n;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        if (inputs.size() != 2) {
            throw new IllegalArgumentException("inputs has " + inputs.size() + " arrays, which is not allowed: the UNet takes "
                    + "(x [B, " + config.channels() + ", " + config.size() + ", " + config.size() + "], t [B])");
        }
        NDArray x = inputs.get(0);
        NDArray t = inputs.get(1);
        Shape xs = x.getShape();
        if (xs.dimension() != 4 || !xs.slice(1).equals(new Shape(config.channels(), config.size(), config.size()))) {
            throw new IllegalArgumentException("x has shape " + xs + ", which is not allowed for " + config + ": expected [B, "
                    + config.channels() + ", " + config.size() + ", " + config.size() + "]");
        }
        if (!t.getShape().equals(new Shape(xs.get(0)))) {
            throw new IllegalArgumentException("t has shape " + t.getShape() + ", which is not allowed for x of shape " + xs
                    + ": expected [" + xs.get(0) + "], one time per row");
        }
        NDArray emb = timeDense1.forward(store, new NDList(TimeEmbedding.sinusoidal(t, config.width())), training).head();
        emb = Silu.apply(timeDense2.forward(store, new NDList(Silu.apply(emb)), training).head());
        NDArray h = convIn.forward(store, new NDList(x), training).head();
        Deque<NDArray> skips = new ArrayDeque<>();
        skips.push(h);
        int block = 0;
        for (int i = 0; i < config.levels(); i++) {
            for (int j = 0; j < config.blocks(); j++) {
                h = down.get(block++).forward(store, new NDList(h, emb), training).head();
                skips.push(h);
            }
            if (i < config.levels() - 1) {
                h = downsample.get(i).forward(store, new NDList(h), training).head();
                skips.push(h);
            }
        }
        h = middle1.forward(store, new NDList(h, emb), training).head();
        h = middle2.forward(store, new NDList(h, emb), training).head();
        block = 0;
        int level = 0;
        for (int i = config.levels() - 1; i >= 0; i--) {
            for (int j = 0; j <= config.blocks(); j++) {
                h = up.get(block++).forward(store, new NDList(h.concat(skips.pop(), 1), emb), training).head();
            }
            if (i > 0) {
                h = upsample.get(level++).forward(store, new NDList(h), training).head();
            }
        }
        h = Silu.apply(normOut.forward(store, new NDList(h), training).head());
        return convOut.forward(store, new NDList(h), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape x = inputShapes[0];
        long b = x.get(0);
        Shape emb = new Shape(b, config.embeddingWidth());
        timeDense1.initialize(manager, dataType, new Shape(b, config.width()));
        timeDense2.initialize(manager, dataType, emb);
        convIn.initialize(manager, dataType, x);
        Shape h = convIn.getOutputShapes(new Shape[] {x})[0];
        Deque<Shape> skips = new ArrayDeque<>();
        skips.push(h);
        int block = 0;
        for (int i = 0; i < config.levels(); i++) {
            for (int j = 0; j < config.blocks(); j++) {
                h = initialize(down.get(block++), manager, dataType, h, emb);
                skips.push(h);
            }
            if (i < config.levels() - 1) {
                h = initialize(downsample.get(i), manager, dataType, h);
                skips.push(h);
            }
        }
        h = initialize(middle1, manager, dataType, h, emb);
        h = initialize(middle2, manager, dataType, h, emb);
        block = 0;
        int level = 0;
        for (int i = config.levels() - 1; i >= 0; i--) {
            for (int j = 0; j <= config.blocks(); j++) {
                Shape skip = skips.pop();
                h = initialize(up.get(block++), manager, dataType, new Shape(b, h.get(1) + skip.get(1), h.get(2), h.get(3)), emb);
            }
            if (i > 0) {
                h = initialize(upsample.get(level++), manager, dataType, h);
            }
        }
        h = initialize(normOut, manager, dataType, h);
        convOut.initialize(manager, dataType, h);
    }

    /** Initialises a child for these input shapes and returns its output shape. */
    private static Shape initialize(AbstractBlock child, NDManager manager, DataType dataType, Shape... shapes) {
        child.initialize(manager, dataType, shapes);
        return child.getOutputShapes(shapes)[0];
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
