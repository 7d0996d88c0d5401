package org.difflab.runtime.unet;

import org.difflab.runtime.data.SyntheticShapes;

/** Test images: the first {@code count} samples of seed 11 of the shapes data set of side {@code size}. */
final class SyntheticShapesFixture {
    private SyntheticShapesFixture() {}

    static float[] images(int count, int size) {
        return SyntheticShapes.of(size).images(11, 0, count);
    }
}
