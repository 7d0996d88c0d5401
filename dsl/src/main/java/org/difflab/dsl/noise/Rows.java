package org.difflab.dsl.noise;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.difflab.dsl.tensor.HostValues;

/** Packs per-sample Java draws into one [rows, event...] tensor of the requested type ({@link HostValues}). */
final class Rows {
    private Rows() {}

    static NDArray tensor(NDManager manager, double[] values, int rows, Shape event, DataType type) {
        if (type != DataType.FLOAT32 && type != DataType.FLOAT64) {
            throw new IllegalArgumentException("type = " + type + " is not allowed: noise is drawn as float32 or float64");
        }
        return HostValues.of(manager, values, new Shape(rows).addAll(event), type);
    }
}
