package org.difflab.runtime.classifier;

import ai.djl.ndarray.NDArray;

/**
 * Maps images to feature vectors, the space in which Frechet and kernel distances between image sets are measured (FID
 * uses Inception's pool features, Heusel et al. 2017; DiffLab cannot download those weights and trains its own
 * {@link FeatureClassifier}). The distances themselves work on the returned {@code double[][]} and need no tensors.
 */
public interface FeatureExtractor {
    /** The length of every feature vector. */
    int dimension();

    /**
     * The features of {@code images}, one row per image: {@code [N][dimension()]}.
     *
     * @throws IllegalArgumentException naming the shape allowed when {@code images} has another
     */
    double[][] features(NDArray images);
}
