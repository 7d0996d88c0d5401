package org.difflab.runtime.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.difflab.dsl.Require;

/**
 * One split of a labelled grayscale image set (for example {@link FashionMnist#train()}), held compactly as one
 * unsigned byte per pixel and per label, and handed out as float32 tensors scaled to [-1, 1] (pixel p becomes
 * p / 127.5 - 1), the range DiffLab's networks are trained on.
 */
public final class LabelledImages {
    private final String name;
    private final byte[] pixels;
    private final byte[] labels;
    private final int side;
    private final int classes;

    LabelledImages(String name, byte[] pixels, byte[] labels, int side, int classes) {
        this.name = name;
        this.pixels = pixels;
        this.labels = labels;
        this.side = side;
        this.classes = classes;
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** The label of image {@code index}. */
    public int label(int index) {
        return labels[checkIndex("index", index)];
    }

    /** The labels of the images {@code indices}. */
    public int[] labels(int[] indices) {
        Require.notNull("indices", indices);
        int[] out = new int[indices.length];
        for (int k = 0; k < indices.length; k++) {
            out[k] = labels[checkIndex("indices[" + k + "]", indices[k])];
        }
        return out;
    }

    /** Number of classes; labels lie in 0 .. classes - 1. */
    public int classes() {
        return classes;
    }

    /** How many images each class has: entry c counts label c. */
    public int[] classCounts() {
        int[] counts = new int[classes];
        for (byte label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** The shape of one image: [1, side, side]. */
    public Shape imageShape() {
        return new Shape(1, side, side);
    }

    /** Pixel (row, column) of image {@code index} in [-1, 1]. */
    public float pixel(int index, int row, int column) {
        checkIndex("index", index);
        Require.inRange("row", row, 0, side - 1);
        Require.inRange("column", column, 0, side - 1);
        return scaled(pixels[index * side * side + row * side + column]);
    }

    /** The images {@code indices} in [-1, 1], laid out [indices.length, 1, side, side]. */
    public float[] images(int[] indices) {
        Require.notNull("indices", indices);
        int plane = side * side;
        float[] out = new float[indices.length * plane];
        for (int k = 0; k < indices.length; k++) {
            int from = checkIndex("indices[" + k + "]", indices[k]) * plane;
            for (int p = 0; p < plane; p++) {
                out[k * plane + p] = scaled(pixels[from + p]);
            }
        }
        return out;
    }

    /** The images {@code indices} as a float32 array [indices.length, 1, side, side] of {@code manager}. */
    public NDArray batch(NDManager manager, int[] indices) {
        Require.notNull("manager", manager);
        Require.notNull("indices", indices);
        Require.positive("indices.length", indices.length);
        return manager.create(images(indices), new Shape(indices.length, 1, side, side));
    }

    private static float scaled(byte pixel) {
        return Byte.toUnsignedInt(pixel) / 127.5f - 1f;
    }

    private int checkIndex(String parameter, int index) {
        if (index < 0 || index >= labels.length) {
            throw new IllegalArgumentException(parameter + " = " + index + " is not allowed: the " + name + " split has "
                    + labels.length + " images, indices 0.." + (labels.length - 1));
        }
        return index;
    }

    @Override
    public String toString() {
        return name + " (" + labels.length + " images of " + side + " x " + side + ", " + classes + " classes)";
    }
}
