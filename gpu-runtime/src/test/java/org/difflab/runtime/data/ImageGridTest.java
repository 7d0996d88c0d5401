package org.difflab.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.difflab.runtime.DiffLabRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageGridTest {
    private static final int G = ImageGrid.GAP_COLOUR;

    @Test
    void valuesMapLinearlyFromMinusOneToOneOntoZeroTo255AndAreClamped() {
        assertThat(ImageGrid.level(-1f)).isZero();
        assertThat(ImageGrid.level(0f)).isEqualTo(128);
        assertThat(ImageGrid.level(1f)).isEqualTo(255);
        assertThat(ImageGrid.level(0.5f)).isEqualTo(191);
        assertThat(ImageGrid.level(-0.5f)).isEqualTo(64);
        assertThat(ImageGrid.level(3f)).isEqualTo(255);
        assertThat(ImageGrid.level(-7f)).isZero();
        assertThatThrownBy(() -> ImageGrid.level(Float.NaN)).hasMessageContaining("v = NaN");
    }

    @Test
    void tilesAreLaidOutRowByRowEnlargedAndFramedByTheGap() {
        // three RGB images of 1 x 2 pixels, two per grid row, scale 2
        float[] v = {
            -1, 1, /* R */ -1, 0, /* G */ 1, 0.5f, /* B */ // image 0: pixel (0,0) blue, pixel (0,1) rgb(255,128,191)
            1, 1, 1, 1, 1, 1,                                // image 1: white
            -1, -1, -1, 1, -1, -1};                          // image 2: black, then green
        BufferedImage out = ImageGrid.render(v, 3, 3, 1, 2, 2, 2);
        int gap = ImageGrid.GAP;
        assertThat(out.getWidth()).isEqualTo(gap + 2 * (4 + gap));
        assertThat(out.getHeight()).isEqualTo(gap + 2 * (2 + gap));
        int[][] expected = new int[out.getHeight()][out.getWidth()];
        for (int[] row : expected) {
            java.util.Arrays.fill(row, G);
        }
        paint(expected, gap, gap, 0x0000ff, 0xff80bf);
        paint(expected, gap, 2 * gap + 4, 0xffffff, 0xffffff);
        paint(expected, 2 * gap + 2, gap, 0x000000, 0x00ff00);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                assertThat(out.getRGB(x, y) & 0xffffff).as("pixel (%d, %d)", x, y).isEqualTo(expected[y][x]);
            }
        }
    }

    @Test
    void greyImagesAndTensorsAndPngFilesGiveTheSamePixels(@TempDir Path dir) throws IOException {
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray images = m.create(new float[] {-1, 0, 0.5f, 1}, new Shape(4, 1, 1, 1));
            BufferedImage out = ImageGrid.render(images, 8, 3);
            assertThat(out.getWidth()).isEqualTo(ImageGrid.GAP + 4 * (3 + ImageGrid.GAP));
            assertThat(out.getHeight()).isEqualTo(ImageGrid.GAP + 3 + ImageGrid.GAP);
            int[] levels = {0, 128, 191, 255};
            for (int i = 0; i < 4; i++) {
                int x = ImageGrid.GAP + i * (3 + ImageGrid.GAP) + 2;
                assertThat(out.getRGB(x, ImageGrid.GAP + 1) & 0xffffff).isEqualTo(levels[i] * 0x010101);
            }
            Path png = dir.resolve("grid.png");
            ImageGrid.write(png, images.toType(ai.djl.ndarray.types.DataType.FLOAT64, false), 8, 3);
            BufferedImage read = ImageIO.read(png.toFile());
            assertThat(read.getWidth()).isEqualTo(out.getWidth());
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    assertThat(read.getRGB(x, y)).isEqualTo(out.getRGB(x, y));
                }
            }
            assertThatThrownBy(() -> ImageGrid.render(m.zeros(new Shape(2, 2, 4, 4)), 8, 4))
                    .hasMessageContaining("images has shape (2, 2, 4, 4)").hasMessageContaining("C = 3 (RGB) or 1");
            assertThatThrownBy(() -> ImageGrid.render(m.zeros(new Shape(2, 3, 4)), 8, 4)).hasMessageContaining("[n, C, H, W]");
            assertThatThrownBy(() -> ImageGrid.render(images, 0, 4)).hasMessageContaining("columns = 0");
            assertThatThrownBy(() -> ImageGrid.render(images, 2, 65)).hasMessageContaining("scale = 65");
            NDArray nan = m.create(new float[] {0, Float.NaN}, new Shape(2, 1, 1, 1));
            assertThatThrownBy(() -> ImageGrid.render(nan, 2, 1)).hasMessageContaining("images[1] holds NaN");
        }
    }

    /** Paints a 1 x 2 image enlarged twice with its top-left corner at (top, left). */
    private static void paint(int[][] canvas, int top, int left, int first, int second) {
        for (int dy = 0; dy < 2; dy++) {
            for (int dx = 0; dx < 2; dx++) {
                canvas[top + dy][left + dx] = first;
                canvas[top + dy][left + 2 + dx] = second;
            }
        }
    }
}
