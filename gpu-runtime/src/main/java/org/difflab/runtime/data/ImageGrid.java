package org.difflab.runtime.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.difflab.dsl.Require;

/**
 * A grid of images as one picture, to look at samples: n images [n, C, H, W] with C = 3 (RGB) or 1 (grey), values in
 * [-1, 1] as in {@link SyntheticShapes}, laid out row by row, {@code columns} per grid row. Each image pixel becomes a
 * {@code scale} x {@code scale} block (nearest neighbour, so 16 x 16 images stay sharp when enlarged), and tiles are
 * framed and separated by {@link #GAP} pixels of {@link #GAP_COLOUR} grey.
 *
 * <p>Value v maps to the 8-bit level round((clamp(v, -1, 1) + 1) * 127.5): -1 to 0, 0 to 128, 1 to 255. Samples slightly
 * outside [-1, 1] (a sampler's last step is not clipped) are clamped; NaN is refused, naming the image.
 */
public final class ImageGrid {
    /** Pixels between tiles and around the grid. */
    public static final int GAP = 2;
    /** RGB of the gaps: mid grey, apart from the black background of the shapes. */
    public static final int GAP_COLOUR = 0x808080;

    private ImageGrid() {}

    /**
     * The grid picture of {@code images} ([n, C, H, W], C = 1 or 3, any float type).
     *
     * @param columns tiles per grid row, &gt;= 1 (rows: as many as needed; fewer columns are used when n is smaller)
     * @param scale   output pixels per image pixel along each side, in [1, 64]
     * @throws IllegalArgumentException naming the parameter and what is allowed for another shape, a bad columns or
     *                                  scale, or a NaN value
     */
    public static BufferedImage render(NDArray images, int columns, int scale) {
        Require.notNull("images", images);
        Shape shape = images.getShape();
        if (shape.dimension() != 4 || (shape.get(1) != 1 && shape.get(1) != 3) || shape.get(0) < 1) {
            throw new IllegalArgumentException("images has shape " + shape + ", which is not allowed: an image grid needs "
                    + "[n, C, H, W] with n >= 1 and C = 3 (RGB) or 1 (grey)");
        }
        return render(images.toType(DataType.FLOAT32, false).toFloatArray(), (int) shape.get(0), (int) shape.get(1),
                (int) shape.get(2), (int) shape.get(3), columns, scale);
    }

    /** The grid picture of n images of [channels, height, width] laid out one after another in {@code values}. */
    public static BufferedImage render(float[] values, int n, int channels, int height, int width, int columns, int scale) {
        Require.notNull("values", values);
        Require.positive("n", n);
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels = " + channels + " is not allowed: must be 3 (RGB) or 1 (grey)");
        }
        Require.positive("height", height);
        Require.positive("width", width);
        Require.positive("columns", columns);
        Require.inRange("scale", scale, 1, 64);
        int per = channels * height * width;
        if (values.length != (long) n * per) {
            throw new IllegalArgumentException("values has " + values.length + " entries, which is not allowed: " + n + " images of "
                    + channels + " x " + height + " x " + width + " need " + (long) n * per);
        }
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        int tileW = width * scale;
        int tileH = height * scale;
        BufferedImage out = new BufferedImage(GAP + cols * (tileW + GAP), GAP + rows * (tileH + GAP), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < out.getHeight(); y++) {
            for (int x = 0; x < out.getWidth(); x++) {
                out.setRGB(x, y, GAP_COLOUR);
            }
        }
        int plane = height * width;
        for (int i = 0; i < n; i++) {
            int left = GAP + (i % cols) * (tileW + GAP);
            int top = GAP + (i / cols) * (tileH + GAP);
            for (int r = 0; r < height; r++) {
                for (int c = 0; c < width; c++) {
                    int at = i * per + r * width + c;
                    int red = level(values, at, i);
                    int rgb = channels == 1 ? red * 0x010101
                            : red << 16 | level(values, at + plane, i) << 8 | level(values, at + 2 * plane, i);
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            out.setRGB(left + c * scale + dx, top + r * scale + dy, rgb);
                        }
                    }
                }
            }
        }
        return out;
    }

    /** Writes the grid of {@code images} as a PNG (see {@link #render(NDArray, int, int)}). */
    public static void write(Path png, NDArray images, int columns, int scale) {
        Require.notNull("png", png);
        BufferedImage picture = render(images, columns, scale);
        try {
            if (!ImageIO.write(picture, "png", png.toFile())) {
                throw new IOException("no PNG writer available");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("image grid " + png + " could not be written: " + e.getMessage(), e);
        }
    }

    /** The 8-bit level of value v in [-1, 1]: round((clamp(v) + 1) * 127.5). */
    public static int level(float v) {
        if (Float.isNaN(v)) {
            throw new IllegalArgumentException("v = NaN is not allowed: an image value must be a number");
        }
        return (int) Math.round((Math.max(-1f, Math.min(1f, v)) + 1.0) * 127.5);
    }

    private static int level(float[] values, int at, int image) {
        if (Float.isNaN(values[at])) {
            throw new IllegalArgumentException("images[" + image + "] holds NaN, which is not allowed: an image grid needs numbers");
        }
        return level(values[at]);
    }
}
