package org.difflab.runtime.data;

import ai.djl.ndarray.types.Shape;
import org.difflab.dsl.Require;
import org.difflab.dsl.model.ExactScore;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.model.ShapedScore;
import org.difflab.dsl.target.Gaussian;

/**
 * The Gaussian with a real data set's per-pixel means and variances (independent pixels), estimated from its training
 * images: the free base s^0 of a multilevel hierarchy of networks trained on data whose moments are not known in closed
 * form (Fashion-MNIST), as {@link ShapeStatistics#gaussianScore()} is for the synthetic shapes. Its exact score
 * -(x - alpha mu) / (alpha^2 v + sigma^2) is the linear part of the data's score, which ML-EM never randomizes.
 */
public final class PixelGaussian {
    private static final int CHUNK = 1000;

    private PixelGaussian() {}

    /**
     * The exact score of the Gaussian with the per-pixel moments of the first {@code count} training images of {@code data}
     * in the order of {@code seed}, on images [channels, size, size]; variances floored at {@link ShapeStatistics#VARIANCE_FLOOR}
     * (a pixel that is background in every image is constant).
     */
    public static ScoreModel score(TrainingImages data, long seed, int count) {
        Require.notNull("data", data);
        Require.positive("count", count);
        int pixels = data.channels() * data.size() * data.size();
        double[] sum = new double[pixels];
        double[] square = new double[pixels];
        for (int first = 0; first < count; first += CHUNK) {
            int n = Math.min(CHUNK, count - first);
            float[] images = data.images(seed, first, n);
            for (int i = 0; i < images.length; i++) {
                double v = images[i];
                sum[i % pixels] += v;
                square[i % pixels] += v * v;
            }
        }
        double[] means = new double[pixels];
        double[] variances = new double[pixels];
        for (int p = 0; p < pixels; p++) {
            means[p] = sum[p] / count;
            variances[p] = Math.max(ShapeStatistics.VARIANCE_FLOOR, square[p] / count - means[p] * means[p]);
        }
        return new ShapedScore(new ExactScore(Gaussian.diagonal(means, variances)), new Shape(data.channels(), data.size(), data.size()));
    }
}
