package org.difflab.runtime.classifier;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.difflab.dsl.Require;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.data.LabelledImages;
import org.difflab.runtime.data.SeededOrder;
import org.difflab.runtime.unet.Adam;

/**
 * Trains a {@link ClassifierNetwork} by a {@link ClassifierRecipe}: iteration i takes the images at positions
 * i B .. i B + B - 1 of the training split's {@link SeededOrder} (seed {@code dataSeed}) and one {@link Adam} step on
 * the batch mean of the softmax cross-entropy -log softmax(logits)[label]. Initial weights from {@code initSeed}; no
 * dropout or other randomness, so a run is the same bit for bit on the same machine and thread count. Each
 * iteration's temporaries live in a sub-manager closed at its end, so native memory stays flat.
 */
final class ClassifierTrainer implements AutoCloseable {
    private long iteration;
    private final ClassifierRecipe recipe;
    private final LabelledImages train;
    private final SeededOrder order;
    private final NDManager manager;
    private final ClassifierNetwork network;
    private final Adam adam;

    private ClassifierTrainer(ClassifierRecipe recipe, LabelledImages train) {
        this.recipe = recipe;
        this.train = train;
        order = SeededOrder.of(train.size(), recipe.dataSeed());
        manager = DiffLabRuntime.engine().newBaseManager();
        try {
            network = new ClassifierNetwork(recipe).initialize(manager, recipe.initSeed());
            adam = new Adam(network.getParameters().values().stream().map(Parameter::getArray).toList(), recipe.learningRate(),
                    manager);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** A fresh run on the CPU engine of {@link DiffLabRuntime}, training on {@code train} (28 x 28 images, 10 classes). */
    static ClassifierTrainer start(ClassifierRecipe recipe, LabelledImages train) {
        Require.notNull("recipe", recipe);
        Require.notNull("train", train);
        if (!train.imageShape().equals(new Shape(1, ClassifierNetwork.SIDE, ClassifierNetwork.SIDE))
                || train.classes() != ClassifierNetwork.CLASSES) {
            throw new IllegalArgumentException("train = " + train + " is not allowed: the classifier takes 1 x 28 x 28 images "
                    + "of 10 classes");
        }
        return new ClassifierTrainer(recipe, train);
    }

    /**
     * One iteration; returns its loss (the batch mean cross-entropy, in nats).
     *
     * @throws CancellationException when the thread was interrupted: the flag is consumed, nothing is written
     */
    double step() {
        if (Thread.interrupted()) {
            throw new CancellationException("classifier training was interrupted before iteration " + (iteration + 1));
        }
        int[] indices = order.samples(iteration * recipe.batchSize(), recipe.batchSize());
        double loss;
        try (NDManager scratch = manager.newSubManager()) {
            NDArray x = train.batch(scratch, indices);
            NDArray oneHot = scratch.create(train.labels(indices)).oneHot(ClassifierNetwork.CLASSES);
            try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                NDArray logits = network.forward(new ParameterStore(manager, false), new NDList(x), true).head();
                NDArray crossEntropy = logits.logSoftmax(1).mul(oneHot).sum(new int[] {1}).neg().mean();
                collector.backward(crossEntropy);
                loss = crossEntropy.getFloat();
            }
            adam.step();
        }
        iteration++;
        return loss;
    }

    /** Iterations done. */
    long iteration() {
        return iteration;
    }

    /** Writes the weights to {@code file} in DJL's parameter format ({@link FeatureClassifier#load} reads it). */
    void save(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            network.saveParameters(out);
        }
    }

    /** Trainable parameters of the network. */
    long parameterCount() {
        return network.getParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /** Frees every tensor of the run. */
    @Override
    public void close() {
        manager.close();
    }
}
