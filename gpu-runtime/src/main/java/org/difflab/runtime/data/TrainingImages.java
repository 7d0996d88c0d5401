package org.difflab.runtime.data;

/**
 * An image data set a network trains on ({@link org.difflab.runtime.unet.UNetTrainer}) and is judged on (the zoo's
 * held-out set): images of {@code channels x size x size} values in [-1, 1], handed out as flat float arrays laid out
 * [count, channels, size, size]. Training reads positions of an order fixed by a seed, so a run sees the same images
 * whatever its batch size; the held-out images are ones no training order reaches (another seed of a generative
 * process, or the test split of a real data set).
 */
public interface TrainingImages {
    /** A short name of the data set and its image size, e.g. {@code shapes16}: zoo recipes record it. */
    String spec();

    /** Channels per image. */
    int channels();

    /** The image side. */
    int size();

    /** Training images at positions {@code first .. first + count - 1} of the order fixed by {@code seed}. Thread-safe. */
    float[] images(long seed, long first, int count);

    /** The first {@code count} held-out images (never among the training images). Thread-safe. */
    float[] heldOutImages(int count);
}
