package org.difflab.dsl.tensor;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;

/**
 * A CPU tensor whose storage Java writes directly, through a direct buffer that shares it (DJL's
 * {@code toByteBuffer(true)} on a contiguous CPU tensor): Java values reach the engine with no engine call for them
 * ({@link Scalars}). Float32 values are rounded by Java's {@code (float)} cast, round to nearest as the engine's own
 * conversion rounds. The tensor is left out of every {@link NDScope}; its manager frees it.
 */
final class StagedTensor {
    private final NDArray tensor;
    private final ByteBuffer storage;
    private final DoubleBuffer doubles;
    private final boolean single;

    /** A float32 or float64 tensor of this shape (at least one element) on {@code manager}, a CPU manager. */
    StagedTensor(NDManager manager, Shape shape, DataType type) {
        single = type == DataType.FLOAT32;
        tensor = manager.zeros(shape, type);
        NDScope.unregister(tensor);
        storage = tensor.toByteBuffer(true).order(ByteOrder.nativeOrder());
        doubles = storage.asDoubleBuffer();
        // checked once: a number written into the buffer must be what the engine reads, not a copy's
        put(0, 1.5);
        double read = single ? tensor.toFloatArray()[0] : tensor.toDoubleArray()[0];
        put(0, 0);
        if (!storage.isDirect() || read != 1.5) {
            throw new IllegalStateException("the engine gave a copy of a " + type + " tensor's storage, not the storage itself: "
                    + "Scalars needs DJL's PyTorch engine on the CPU");
        }
    }

    /** The tensor holding c in every entry of a 0-d tensor (its only one). */
    NDArray holding(double c) {
        put(0, c);
        return tensor;
    }

    /** The tensor holding these values, row-major (as many as it has entries). */
    NDArray holding(double[] values) {
        if (single) {
            for (int i = 0; i < values.length; i++) {
                storage.putFloat(i * Float.BYTES, (float) values[i]);
            }
        } else {
            doubles.put(0, values);
        }
        return tensor;
    }

    private void put(int index, double c) {
        if (single) {
            storage.putFloat(index * Float.BYTES, (float) c);
        } else {
            storage.putDouble(index * Double.BYTES, c);
        }
    }
}
