package org.difflab.runtime.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.difflab.dsl.Require;

/**
 * DiffLab's own image data set: RGB images of one coloured shape on a black background, drawn by a known generative
 * process with finitely many discrete parameters, so that its low-order statistics are known exactly
 * ({@link ShapeStatistics}, by enumeration) and a model trained on it can be judged against them without sampling error
 * on the reference side.
 *
 * <p>The process, for size S (16 and 32 are the intended sizes), each choice uniform and independent:
 * <ol>
 *   <li>a {@link ShapeKind}: disc, square or triangle;</li>
 *   <li>an integer radius r in [S/8, S/4];</li>
 *   <li>an integer centre (cx, cy) in [r, S - r]^2, so the shape lies inside the image;</li>
 *   <li>a colour from the eight of {@link #palette()}.</li>
 * </ol>
 * Pixel (row i, column j), with centre (j + 1/2, i + 1/2), takes the colour when the shape covers its centre and the
 * background -1 otherwise; values lie in [-1, 1], laid out [3, S, S] (channels R, G, B).
 *
 * <p>Sample i of seed s is drawn from its own random stream (XoRoShiRo128++ seeded from (s, i) through SplitMix64), so
 * a seed fixes every sample bit for bit whatever the batches it is drawn in.
 */
public final class SyntheticShapes implements TrainingImages {
    /** The background value of every channel. */
    public static final float BACKGROUND = -1f;

    private static final float[][] PALETTE = {
        {1, -1, -1},  // red
        {-1, 1, -1},  // green
        {-1, -1, 1},  // blue
        {1, 1, -1},   // yellow
        {-1, 1, 1},   // cyan
        {1, -1, 1},   // magenta
        {1, 1, 1},    // white
        {1, 0, -1},   // orange (the one value between the extremes: channels have different moments)
    };
    private static final ShapeKind[] KINDS = ShapeKind.values();

    private final int size;

    private SyntheticShapes(int size) {
        this.size = size;
    }

    /** Seed of the held-out images ({@link #heldOutImages}); training runs use small seeds. */
    public static final long HELD_OUT_SEED = 0x68656c646f7574L;

    /** The data set of size x size images: size a multiple of 8 in [8, 256] (16 and 32 are the intended sizes). */
    public static SyntheticShapes of(int size) {
        Require.inRange("size", size, 8, 256);
        if (size % 8 != 0) {
            throw new IllegalArgumentException("size = " + size + " is not allowed: must be a multiple of 8 in [8, 256]");
        }
        return new SyntheticShapes(size);
    }

    /** {@code shapes} and the side, e.g. {@code shapes16}. */
    @Override
    public String spec() {
        return "shapes" + size;
    }

    /** Three: R, G, B. */
    @Override
    public int channels() {
        return 3;
    }

    /** The image side S. */
    @Override
    public int size() {
        return size;
    }

    /** The shape of one image: [3, S, S]. */
    public Shape eventShape() {
        return new Shape(3, size, size);
    }

    /** The smallest radius, S/8. */
    public int minRadius() {
        return size / 8;
    }

    /** The largest radius, S/4. */
    public int maxRadius() {
        return size / 4;
    }

    /** The colours as [index][R, G, B] (a copy). */
    public static float[][] palette() {
        float[][] copy = new float[PALETTE.length][];
        for (int k = 0; k < PALETTE.length; k++) {
            copy[k] = PALETTE[k].clone();
        }
        return copy;
    }

    /** The latent parameters of sample {@code index} of {@code seed}. */
    public ShapeParameters parameters(long seed, long index) {
        if (index < 0) {
            throw new IllegalArgumentException("index = " + index + " is not allowed: must be >= 0");
        }
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(
                RandomSource.SPLIT_MIX_64.create(RandomSource.SPLIT_MIX_64.create(seed).nextLong() + index).nextLong());
        ShapeKind kind = KINDS[rng.nextInt(KINDS.length)];
        int r = minRadius() + rng.nextInt(maxRadius() - minRadius() + 1);
        int cx = r + rng.nextInt(size - 2 * r + 1);
        int cy = r + rng.nextInt(size - 2 * r + 1);
        return new ShapeParameters(kind, r, cx, cy, rng.nextInt(PALETTE.length));
    }

    /**
     * Draws the image of {@code p} into {@code out[offset ..]}, laid out [3, S, S].
     *
     * @throws IllegalArgumentException when p is outside the process's parameter space
     */
    public void render(ShapeParameters p, float[] out, int offset) {
        Require.notNull("p", p);
        Require.notNull("p.kind", p.kind());
        int r = Require.inRange("p.radius", p.radius(), minRadius(), maxRadius());
        Require.inRange("p.cx", p.cx(), r, size - r);
        Require.inRange("p.cy", p.cy(), r, size - r);
        float[] colour = PALETTE[Require.inRange("p.colour", p.colour(), 0, PALETTE.length - 1)];
        int plane = size * size;
        Require.notNull("out", out);
        if (offset < 0 || offset > out.length - 3 * plane) {
            throw new IllegalArgumentException("offset = " + offset + " is not allowed for out of length " + out.length
                    + ": an image takes " + 3 * plane + " entries from offset, which must be >= 0");
        }
        for (int i = 0; i < size; i++) {
            for (int j = 0; j < size; j++) {
                boolean in = p.kind().covers(j + 0.5 - p.cx(), i + 0.5 - p.cy(), r);
                for (int c = 0; c < 3; c++) {
                    out[offset + c * plane + i * size + j] = in ? colour[c] : BACKGROUND;
                }
            }
        }
    }

    /** Samples first .. first + count - 1 of {@code seed}, laid out [count, 3, S, S]. */
    @Override
    public float[] images(long seed, long first, int count) {
        int per = 3 * size * size;
        Require.inRange("count", count, 1, Integer.MAX_VALUE / per);
        if (first < 0 || first > Long.MAX_VALUE - count) {
            throw new IllegalArgumentException("first = " + first + " is not allowed: must be >= 0 (and first + count must fit a long)");
        }
        float[] out = new float[count * per];
        for (int k = 0; k < count; k++) {
            render(parameters(seed, first + k), out, k * per);
        }
        return out;
    }

    /** Samples 0 .. count - 1 of {@link #HELD_OUT_SEED}. */
    @Override
    public float[] heldOutImages(int count) {
        return images(HELD_OUT_SEED, 0, count);
    }

    /** The same samples as {@link #images} as a float32 array [count, 3, S, S] of {@code manager}. */
    public NDArray batch(NDManager manager, long seed, long first, int count) {
        Require.notNull("manager", manager);
        return manager.create(images(seed, first, count), new Shape(count, 3, size, size));
    }

    /** The exact low-order statistics of this process. */
    public ShapeStatistics exactStatistics() {
        return ShapeStatistics.of(size, minRadius(), maxRadius(), palette(), BACKGROUND);
    }

    @Override
    public String toString() {
        return "shapes:size=" + size;
    }
}
