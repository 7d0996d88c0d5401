package org.difflab.runtime.classifier;

/**
 * What training a {@link ClassifierRecipe} produced, as the classifier cache's manifest records it.
 *
 * @param recipe       the recipe's {@link ClassifierRecipe#describe()} when it was trained
 * @param sha256       SHA-256 (hex) of the cached weights, checked on every load
 * @param parameters   trainable parameters of the network
 * @param trainSeconds wall time of the training iterations
 * @param cpuSeconds   CPU time of the process during them (all threads)
 * @param trainLoss    mean cross-entropy over the last tenth of the iterations (nats)
 * @param testAccuracy fraction of Fashion-MNIST's 10,000 test images classified correctly by the cached weights
 */
public record ClassifierRecord(String recipe, String sha256, long parameters, double trainSeconds, double cpuSeconds,
        double trainLoss, double testAccuracy) {}
