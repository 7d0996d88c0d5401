package org.difflab.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.difflab.runtime.DiffLabRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SyntheticShapesTest {

    @Test
    void eachShapeCoversTheExpectedPixelsInItsColour() {
        SyntheticShapes shapes = SyntheticShapes.of(16);
        int plane = 16 * 16;
        // pixel centres at offsets +-0.5, +-1.5 from an integer centre: disc r = 2 keeps those with dx^2 + dy^2 <= 4 (12),
        // the square all 16, the triangle rows dy = -0.5, 0.5, 1.5 with |dx| <= 0.75, 1.25, 1.75 (2 + 2 + 4)
        int[][] cases = {{0, 12}, {1, 16}, {2, 8}};
        for (int[] c : cases) {
            float[] image = new float[3 * plane];
            shapes.render(new ShapeParameters(ShapeKind.values()[c[0]], 2, 5, 9, 7), image, 0);
            float[] orange = SyntheticShapes.palette()[7];
            int covered = 0;
            for (int p = 0; p < plane; p++) {
                if (image[p] != SyntheticShapes.BACKGROUND) {
                    covered++;
                    assertThat(new float[] {image[p], image[plane + p], image[2 * plane + p]}).containsExactly(orange);
                    int row = p / 16;
                    int col = p % 16;
                    assertThat(row).isBetween(7, 10);
                    assertThat(col).isBetween(3, 6);
                } else {
                    assertThat(image[plane + p]).isEqualTo(SyntheticShapes.BACKGROUND);
                }
            }
            assertThat(covered).as(ShapeKind.values()[c[0]].name()).isEqualTo(c[1]);
        }
        assertThat(SyntheticShapes.palette()[7]).containsExactly(1f, 0f, -1f);
    }

    @Test
    void aSeedFixesEverySampleBitForBitWhateverTheBatches() {
        SyntheticShapes shapes = SyntheticShapes.of(32);
        int per = 3 * 32 * 32;
        float[] whole = shapes.images(11, 0, 50);
        float[] parts = new float[whole.length];
        int[] sizes = {1, 7, 42};
        int first = 0;
        for (int size : sizes) {
            System.arraycopy(shapes.images(11, first, size), 0, parts, first * per, size * per);
            first += size;
        }
        assertThat(parts).isEqualTo(whole);
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray batch = shapes.batch(m, 11, 37, 5);
            assertThat(batch.getShape()).isEqualTo(new Shape(5, 3, 32, 32)).isEqualTo(new Shape(5).addAll(shapes.eventShape()));
            assertThat(batch.toFloatArray()).isEqualTo(Arrays.copyOfRange(whole, 37 * per, 42 * per));
        }
        assertThat(shapes.parameters(11, 3)).isEqualTo(shapes.parameters(11, 3));
        assertThat(shapes.images(12, 0, 50)).isNotEqualTo(whole);
        long distinct = java.util.stream.IntStream.range(0, 50).mapToObj(i -> shapes.parameters(11, i)).distinct().count();
        assertThat(distinct).isGreaterThan(45);
    }

    @Test
    void gaussianScoreIsTheExactScoreOfThePixelMoments() {
        ShapeStatistics stats = SyntheticShapes.of(16).exactStatistics();
        org.difflab.dsl.model.ScoreModel base = stats.gaussianScore();
        assertThat(base.eventShape()).isEqualTo(new ai.djl.ndarray.types.Shape(3, 16, 16));
        org.difflab.dsl.schedule.NoiseLevel level = new org.difflab.dsl.schedule.NoiseLevel(100, 0.9, Math.sqrt(1 - 0.81));
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager()) {
            ai.djl.ndarray.NDArray x = m.full(new ai.djl.ndarray.types.Shape(1, 3, 16, 16), 0.25f).toType(ai.djl.ndarray.types.DataType.FLOAT64, false);
            double[] s = base.predict(x, level).toDoubleArray();
            int centre = 1 * 256 + 8 * 16 + 8; // channel 1, pixel (8, 8)
            double v = Math.max(ShapeStatistics.VARIANCE_FLOOR, stats.pixelVariance(1, 8, 8));
            double expected = -(0.25 - 0.9 * stats.pixelMean(1, 8, 8)) / (0.81 * v + 0.19);
            assertThat(s[centre]).isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(stats.pixelVariance(1, 8, 8)).as("the centre is often covered").isGreaterThan(0.01);
        }
    }

    @Test
    void exactStatisticsMatchHandComputedValues() {
        ShapeStatistics stats = SyntheticShapes.of(16).exactStatistics();
        // the corner pixel is covered only by the square with centre (r, r): probability (1/3)(1/3) sum_r 1/(16 - 2r + 1)^2
        double corner = (1.0 / 169 + 1.0 / 121 + 1.0 / 81) / 9;
        assertThat(stats.coverage(0, 0)).isCloseTo(corner, within(1e-15));
        assertThat(stats.pixelMean(0, 0, 0)).isCloseTo(corner * 0.25 - (1 - corner), within(1e-15)); // red: mean (5 - 3)/8
        assertThat(stats.pixelVariance(1, 0, 0)).isCloseTo(corner * 0.875 + (1 - corner)
                - Math.pow(corner * 0.125 - (1 - corner), 2), within(1e-15));               // green: mean 1/8, square 7/8
        // mean coverage = expected area / S^2, areas counted by rendering each shape once
        SyntheticShapes shapes = SyntheticShapes.of(16);
        double area = 0;
        for (ShapeKind kind : ShapeKind.values()) {
            for (int r = 2; r <= 4; r++) {
                float[] image = new float[3 * 256];
                shapes.render(new ShapeParameters(kind, r, 8, 8, 0), image, 0);
                for (int p = 0; p < 256; p++) {
                    area += image[p] == 1f ? 1.0 / 9 : 0;
                }
            }
        }
        assertThat(stats.meanCoverage() * 256).isCloseTo(area, within(1e-12));
        for (int i = 0; i < 16; i++) {
            for (int j = 0; j < 16; j++) {
                assertThat(stats.coverage(i, j)).isCloseTo(stats.coverage(i, 15 - j), within(1e-15)); // every shape is symmetric in x
            }
        }
        assertThat(stats.channelMean(2)).isCloseTo(-1 + stats.meanCoverage(), within(1e-15)); // blue: palette mean 0
        assertThat(stats.pixelMeans()[2 * 256 + 5 * 16 + 9]).isEqualTo(stats.pixelMean(2, 5, 9));
        assertThat(stats.pixelMeans()).hasSize(3 * 256);
    }

    @ParameterizedTest
    @CsvSource({"16, 20000", "32, 8000"})
    void samplesMatchTheExactStatisticsWithinMonteCarloError(int size, int n) {
        SyntheticShapes shapes = SyntheticShapes.of(size);
        ShapeStatistics exact = shapes.exactStatistics();
        int plane = size * size;
        double[] sum = new double[3 * plane];
        double[][] moments = new double[3][5]; // per channel: sums of a, a^2, b, b^2, ab with a, b an image's mean and mean square
        for (int first = 0; first < n; first += 1000) {
            float[] images = shapes.images(7, first, Math.min(1000, n - first));
            for (int k = 0; k < images.length / (3 * plane); k++) {
                for (int c = 0; c < 3; c++) {
                    double a = 0;
                    double b = 0;
                    for (int p = 0; p < plane; p++) {
                        double v = images[(k * 3 + c) * plane + p];
                        sum[c * plane + p] += v;
                        a += v / plane;
                        b += v * v / plane;
                    }
                    double[] s = moments[c];
                    s[0] += a;
                    s[1] += a * a;
                    s[2] += b;
                    s[3] += b * b;
                    s[4] += a * b;
                }
            }
        }
        double maxZ = 0;
        for (int c = 0; c < 3; c++) {
            for (int p = 0; p < plane; p++) {
                double mean = sum[c * plane + p] / n;
                double se = Math.sqrt(exact.pixelVariance(c, p / size, p % size) / n);
                double error = Math.abs(mean - exact.pixelMean(c, p / size, p % size));
                if (se == 0) {
                    assertThat(error).isZero();
                } else {
                    maxZ = Math.max(maxZ, error / se);
                }
            }
        }
        System.out.printf("shapes %dx%d, n = %d: max |z| of %d pixel means = %.2f%n", size, size, n, 3 * plane, maxZ);
        assertThat(maxZ).isLessThan(5);
        for (int c = 0; c < 3; c++) {
            double[] s = moments[c];
            double a = s[0] / n;
            double b = s[2] / n;
            double varA = s[1] / n - a * a;
            double varB = s[3] / n - b * b;
            double cov = s[4] / n - a * b;
            double variance = b - a * a;
            double seMean = Math.sqrt(varA / n);
            double seVariance = Math.sqrt((varB - 4 * a * cov + 4 * a * a * varA) / n); // delta method for b - a^2
            System.out.printf("  channel %d: mean %.5f (exact %.5f, se %.5f), variance %.5f (exact %.5f, se %.5f)%n", c, a,
                    exact.channelMean(c), seMean, variance, exact.channelVariance(c), seVariance);
            assertThat(a).isCloseTo(exact.channelMean(c), within(5 * seMean));
            assertThat(variance).isCloseTo(exact.channelVariance(c), within(5 * seVariance));
        }
    }

    @Test
    void badArgumentsNameTheParameterAndWhatIsAllowed() {
        assertThatThrownBy(() -> SyntheticShapes.of(12)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("size = 12").hasMessageContaining("multiple of 8");
        assertThatThrownBy(() -> SyntheticShapes.of(4)).hasMessageContaining("size = 4").hasMessageContaining("[8, 256]");
        SyntheticShapes shapes = SyntheticShapes.of(16);
        float[] image = new float[3 * 256];
        assertThatThrownBy(() -> shapes.render(new ShapeParameters(ShapeKind.DISC, 5, 8, 8, 0), image, 0))
                .hasMessageContaining("p.radius = 5").hasMessageContaining("[2, 4]");
        assertThatThrownBy(() -> shapes.render(new ShapeParameters(ShapeKind.DISC, 3, 14, 8, 0), image, 0))
                .hasMessageContaining("p.cx = 14").hasMessageContaining("[3, 13]");
        assertThatThrownBy(() -> shapes.render(new ShapeParameters(ShapeKind.DISC, 3, 8, 8, 8), image, 0))
                .hasMessageContaining("p.colour = 8");
        assertThatThrownBy(() -> shapes.render(new ShapeParameters(ShapeKind.DISC, 3, 8, 8, 0), image, 1))
                .hasMessageContaining("offset = 1").hasMessageContaining("out of length 768");
        assertThatThrownBy(() -> shapes.parameters(1, -1)).hasMessageContaining("index = -1");
        assertThatThrownBy(() -> shapes.images(1, 0, 0)).hasMessageContaining("count = 0");
        assertThatThrownBy(() -> shapes.images(1, -3, 2)).hasMessageContaining("first = -3");
        assertThatThrownBy(() -> shapes.exactStatistics().coverage(16, 0)).hasMessageContaining("row = 16");
        assertThatThrownBy(() -> shapes.exactStatistics().channelMean(3)).hasMessageContaining("c = 3");
    }
}
