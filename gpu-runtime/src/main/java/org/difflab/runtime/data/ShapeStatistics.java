package org.difflab.runtime.data;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.difflab.dsl.Require;
import org.difflab.dsl.model.ExactScore;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.model.ShapedScore;
import org.difflab.dsl.target.Gaussian;

/**
 * The exact low-order statistics of {@link SyntheticShapes}: the reference against which samples of a model trained on
 * it are compared. They are computed by enumerating the finite parameter space (every kind, radius and centre) for the
 * probability that each pixel is covered, then combined with the palette's moments (colour is independent of the
 * geometry): for a pixel covered with probability p, channel c has mean p mu_c - (1 - p) and second moment
 * p nu_c + (1 - p), with mu_c, nu_c the palette's mean and mean square in c. Exact up to floating-point rounding: there
 * is no sampling error.
 *
 * <p>"Channel" statistics pool the pixels of a channel: the mean and variance of channel c at a uniformly chosen pixel
 * of a random image.
 */
public final class ShapeStatistics {
    private final int size;
    private final double[] coverage;      // [S * S]
    private final double[] colourMean;    // [3]
    private final double[] colourSquare;  // [3]
    private final double background;      // every channel's value where no shape covers

    private ShapeStatistics(int size, double[] coverage, double[] colourMean, double[] colourSquare, double background) {
        this.size = size;
        this.background = background;
        this.coverage = coverage;
        this.colourMean = colourMean;
        this.colourSquare = colourSquare;
    }

    /**
     * The statistics of a data set of side s, radii minRadius..maxRadius, colours from the palette on the background value,
     * by enumeration of its parameter space (given by value: {@link SyntheticShapes#exactStatistics()} is the caller).
     */
    static ShapeStatistics of(int s, int minRadius, int maxRadius, float[][] palette, float background) {
        int radii = maxRadius - minRadius + 1;
        ShapeKind[] kinds = ShapeKind.values();
        double[] coverage = new double[s * s];
        long[] counts = new long[s * s];
        for (ShapeKind kind : kinds) {
            for (int r = minRadius; r <= maxRadius; r++) {
                Arrays.fill(counts, 0);
                for (int cy = r; cy <= s - r; cy++) {
                    for (int cx = r; cx <= s - r; cx++) {
                        for (int i = cy - r; i < cy + r; i++) {      // every shape lies in |dx|, |dy| <= r
                            for (int j = cx - r; j < cx + r; j++) {
                                if (kind.covers(j + 0.5 - cx, i + 0.5 - cy, r)) {
                                    counts[i * s + j]++;
                                }
                            }
                        }
                    }
                }
                double positions = (double) (s - 2 * r + 1) * (s - 2 * r + 1);
                double weight = 1.0 / (kinds.length * radii * positions);
                for (int p = 0; p < counts.length; p++) {
                    coverage[p] += counts[p] * weight;
                }
            }
        }
        double[] mean = new double[3];
        double[] square = new double[3];
        for (float[] colour : palette) {
            for (int c = 0; c < 3; c++) {
                mean[c] += colour[c] / (double) palette.length;
                square[c] += (double) colour[c] * colour[c] / palette.length;
            }
        }
        return new ShapeStatistics(s, coverage, mean, square, background);
    }

    /** The image side S. */
    public int size() {
        return size;
    }

    /** The probability that the shape covers pixel (row, col). */
    public double coverage(int row, int col) {
        Require.inRange("row", row, 0, size - 1);
        Require.inRange("col", col, 0, size - 1);
        return coverage[row * size + col];
    }

    /** The mean of channel c at pixel (row, col). */
    public double pixelMean(int c, int row, int col) {
        double p = coverage(row, col);
        return p * colourMean(c) + (1 - p) * background;
    }

    /** The variance of channel c at pixel (row, col). */
    public double pixelVariance(int c, int row, int col) {
        double p = coverage(row, col);
        double m = pixelMean(c, row, col);
        return p * colourSquare[c] + (1 - p) * background * background - m * m;
    }

    /** The per-pixel means, laid out [3, S, S] like the images. */
    public double[] pixelMeans() {
        double[] out = new double[3 * size * size];
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < size * size; p++) {
                out[c * size * size + p] = pixelMean(c, p / size, p % size);
            }
        }
        return out;
    }

    /** Smallest pixel variance of {@link #gaussianScore}: a pixel no shape ever covers is constant (variance 0). */
    public static final double VARIANCE_FLOOR = 1e-6;

    /**
     * The exact score of the Gaussian with the data's per-pixel means and variances and independent pixels, on images
     * [3, S, S]: -(x - alpha mu) / (alpha^2 v + sigma^2) at every noise level. It is the linear part of the data's score
     * that a hierarchy of networks can take as its base s^0 (never randomized by ML-EM), leaving the levels the
     * nonlinear rest; variances are floored at {@link #VARIANCE_FLOOR}.
     */
    public ScoreModel gaussianScore() {
        double[] variances = new double[3 * size * size];
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < size * size; p++) {
                variances[c * size * size + p] = Math.max(VARIANCE_FLOOR, pixelVariance(c, p / size, p % size));
            }
        }
        return new ShapedScore(new ExactScore(Gaussian.diagonal(pixelMeans(), variances)), new Shape(3, size, size));
    }

    /** The mean of channel c over pixels and images. */
    public double channelMean(int c) {
        return meanCoverage() * colourMean(c) + (1 - meanCoverage()) * background;
    }

    /** The variance of channel c over pixels and images. */
    public double channelVariance(int c) {
        double q = meanCoverage();
        double m = channelMean(c);
        return q * colourSquare[c] + (1 - q) * background * background - m * m;
    }

    /** The expected fraction of the image the shape covers (the mean coverage over pixels). */
    public double meanCoverage() {
        double sum = 0;
        for (double p : coverage) {
            sum += p;
        }
        return sum / coverage.length;
    }

    private double colourMean(int c) {
        Require.inRange("c", c, 0, 2);
        return colourMean[c];
    }
}
