package org.difflab.runtime.classifier;

import java.util.Locale;
import org.difflab.dsl.Require;

/**
 * Everything that fixes a trained {@link FeatureClassifier} bit for bit on a given machine and thread count: the
 * architecture ({@link ClassifierNetwork}: two 3 x 3 convolutions of {@code conv1} and {@code conv2} channels, each
 * followed by ReLU and 2 x 2 max pooling, a dense layer of {@code features} units with ReLU, the penultimate features,
 * and a dense layer to the 10 classes) and the training (softmax cross-entropy, {@code iterations} Adam steps on
 * batches of Fashion-MNIST's training split in {@link org.difflab.runtime.data.SeededOrder} of {@code dataSeed}, initial
 * weights from {@code initSeed}).
 *
 * @param name         the cache name: lower-case letters, digits and '-'
 * @param conv1        channels of the first convolution, in [1, 256]
 * @param conv2        channels of the second convolution, in [1, 256]
 * @param features     width of the penultimate layer (the feature dimension), in [2, 4096]
 * @param batchSize    images per iteration, in [1, 4096]
 * @param learningRate Adam's learning rate, in (0, 1]
 * @param iterations   training iterations, &gt;= 1
 * @param initSeed     seed of the initial weights
 * @param dataSeed     seed of the order of the training images
 */
public record ClassifierRecipe(String name, int conv1, int conv2, int features, int batchSize, double learningRate,
        int iterations, long initSeed, long dataSeed) {

    public ClassifierRecipe {
        Require.notNull("name", name);
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("name = '" + name + "' is not allowed: must be lower-case letters, digits and '-', "
                    + "starting with a letter or digit (it names the cache file)");
        }
        Require.inRange("conv1", conv1, 1, 256);
        Require.inRange("conv2", conv2, 1, 256);
        Require.inRange("features", features, 2, 4096);
        Require.inRange("batchSize", batchSize, 1, 4096);
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + " is not allowed: must lie in (0, 1]");
        }
        Require.positive("iterations", iterations);
    }

    /**
     * DiffLab's Fashion-MNIST feature classifier: channels 32 and 64, 128 features, batch 64, Adam 1e-3, 5000
     * iterations (5.3 epochs), seeds 1 and 2.
     */
    public static ClassifierRecipe standard() {
        return new ClassifierRecipe("fashion-classifier", 32, 64, 128, 64, 1e-3, 5000, 1, 2);
    }

    /** The recipe in one line, as the cache's manifest records it; a cached file of another recipe is never used. */
    public String describe() {
        return String.format(Locale.ROOT, "cnn:conv=%d/%d,features=%d,classes=10,data=fashion-mnist,batch=%d,lr=%s,iterations=%d,"
                + "initSeed=%d,dataSeed=%d", conv1, conv2, features, batchSize, learningRate, iterations, initSeed, dataSeed);
    }
}
