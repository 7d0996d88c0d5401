package org.difflab.runtime.classifier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.difflab.dsl.Require;
import org.difflab.runtime.unet.SeededInitialization;

/**
 * A small convolutional classifier of 1 x 28 x 28 images (LeNet-like, LeCun et al. 1998, with ReLU and max pooling), of
 * DJL blocks: a trunk (conv 3 x 3 - ReLU - max pool 2, twice, then dense - ReLU) whose output are the penultimate
 * features, and a dense head to the class logits. Sizes come from a {@link ClassifierRecipe}.
 */
final class ClassifierNetwork extends AbstractBlock {
    /** The image side the network takes. */
    static final int SIDE = 28;
    /** The number of classes. */
    static final int CLASSES = 10;

    private final SequentialBlock trunk;
    private final Linear head;

    ClassifierNetwork(ClassifierRecipe recipe) {
        Require.notNull("recipe", recipe);
        trunk = addChildBlock("trunk", new SequentialBlock()
                .add(conv(recipe.conv1())).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(conv(recipe.conv2())).add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(recipe.features()).build())
                .add(Activation.reluBlock()));
        head = addChildBlock("head", Linear.builder().setUnits(CLASSES).build());
    }

    private static Conv2d conv(int filters) {
        return Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(filters).optPadding(new Shape(1, 1)).build();
    }

    /** Allocates the parameters in {@code manager} and draws them from {@code seed} ({@link SeededInitialization}). */
    ClassifierNetwork initialize(NDManager manager, long seed) {
        initialize(manager, DataType.FLOAT32, new Shape(1, 1, SIDE, SIDE));
        SeededInitialization.apply(this, seed);
        return this;
    }

    /** The penultimate features of x [B, 1, 28, 28]: [B, features]. */
    NDArray features(ParameterStore store, NDArray x, boolean training) {
        return trunk.forward(store, new NDList(x), training).head();
    }

    /** The class logits of penultimate features: [B, 10]. */
    NDArray logits(ParameterStore store, NDArray features, boolean training) {
        return head.forward(store, new NDList(features), training).head();
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(logits(store, features(store, inputs.singletonOrThrow(), training), training));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        trunk.initialize(manager, dataType, inputShapes);
        head.initialize(manager, dataType, trunk.getOutputShapes(inputShapes));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), CLASSES)};
    }
}
