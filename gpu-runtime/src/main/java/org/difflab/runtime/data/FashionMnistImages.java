package org.difflab.runtime.data;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.difflab.dsl.Require;

/**
 * {@link FashionMnist} as {@link TrainingImages}: training reads the 60,000 training images in the {@link SeededOrder}
 * of the data seed (a fresh permutation every epoch), the held-out images are the test split's first images in file
 * order. The files are read on the first request for images, not when a recipe is built, so listing a zoo costs nothing.
 */
public final class FashionMnistImages implements TrainingImages {
    private final Supplier<FashionMnist> source;
    private final Map<Long, SeededOrder> orders = new HashMap<>();
    private FashionMnist data;

    private FashionMnistImages(Supplier<FashionMnist> source) {
        this.source = source;
    }

    /** The images of {@link FashionMnist#standard()} (read on first use). */
    public static FashionMnistImages standard() {
        return new FashionMnistImages(FashionMnist::standard);
    }

    /** The images of {@code data}. */
    public static FashionMnistImages of(FashionMnist data) {
        Require.notNull("data", data);
        return new FashionMnistImages(() -> data);
    }

    /** {@code fashion28}. */
    @Override
    public String spec() {
        return "fashion" + FashionMnist.SIDE;
    }

    /** One: grayscale. */
    @Override
    public int channels() {
        return 1;
    }

    /** 28. */
    @Override
    public int size() {
        return FashionMnist.SIDE;
    }

    /** Training images at positions first .. first + count - 1 of the seeded order, laid out [count, 1, 28, 28]. */
    @Override
    public float[] images(long seed, long first, int count) {
        Require.positive("count", count);
        int[] samples;
        LabelledImages train;
        synchronized (this) { // an order keeps its last epoch's permutation: one per seed, used under this lock
            train = data().train();
            samples = orders.computeIfAbsent(seed, s -> SeededOrder.of(train.size(), s)).samples(first, count);
        }
        return train.images(samples);
    }

    /** Test images 0 .. count - 1 (count at most 10,000), laid out [count, 1, 28, 28]. */
    @Override
    public float[] heldOutImages(int count) {
        Require.inRange("count", count, 1, FashionMnist.TEST_SIZE);
        return data().test().images(IntStream.range(0, count).toArray());
    }

    private synchronized FashionMnist data() {
        if (data == null) {
            data = source.get();
        }
        return data;
    }

    @Override
    public String toString() {
        return "Fashion-MNIST training images (" + spec() + ")";
    }
}
