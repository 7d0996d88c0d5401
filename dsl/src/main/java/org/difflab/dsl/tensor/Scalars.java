package org.difflab.dsl.tensor;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;

/**
 * Arithmetic of a CPU tensor with a Java number, without a new tensor for the number. DJL's {@code x.mul(double)} makes
 * a float64 0-d tensor for every call (a direct buffer, a native tensor, a manager entry, then its deletion), which costs
 * several times the operation itself on small tensors (docs/performance.md). Inside a run ({@link #open}, which
 * {@code Solve.run} holds for the run's length) each thread keeps one 0-d tensor per type (float32, float64) and writes
 * the number straight into its memory, through a direct buffer that shares the tensor's storage (DJL's
 * {@code toByteBuffer(true)} on a contiguous CPU tensor), before the operation: no engine call for the number at all
 * (writing it with {@code NDArray.set} was an engine call as dear as the operation, 8% of the catalogue's CPU samples).
 * The run's end frees them, so nothing outlives the runs (a manager per thread for good would outlive every thread that
 * used it). Outside a run, and for other types and devices, DJL's own call serves.
 *
 * <p>Same bits as DJL's calls: PyTorch computes a float32 tensor times a float64 0-d tensor in float32, with the number
 * rounded to float32 once, as Java's {@code (float)} cast rounds it ({@code ScalarsTest} compares every operation on
 * random values in both types). PyTorch's CPU operations are synchronous, so the number can be overwritten as soon as
 * the operation returns; the tensors are per thread.
 */
public final class Scalars {
    private static final ThreadLocal<Slots> OPEN = new ThreadLocal<>();

    private Scalars() {}

    /** This thread's reusable numbers until the returned session closes (sessions nest: the outermost frees them). */
    public static Session open() {
        Slots slots = OPEN.get();
        if (slots == null) {
            slots = new Slots();
            OPEN.set(slots);
        }
        slots.depth++;
        return new Session(slots);
    }

    /** A run's hold on its thread's reusable numbers. */
    public static final class Session implements AutoCloseable {
        private Slots slots;

        private Session(Slots slots) {
            this.slots = slots;
        }

        @Override
        public void close() {
            if (slots != null && --slots.depth == 0) {
                OPEN.remove();
                slots.manager.close();
            }
            slots = null;
        }
    }

    /** x * c. */
    public static NDArray mul(NDArray x, double c) {
        return apply(x, c, NDArray::mul, NDArray::mul);
    }

    /** x / c. */
    public static NDArray div(NDArray x, double c) {
        return apply(x, c, NDArray::div, NDArray::div);
    }

    /** x + c. */
    public static NDArray add(NDArray x, double c) {
        return apply(x, c, NDArray::add, NDArray::add);
    }

    /** x - c. */
    public static NDArray sub(NDArray x, double c) {
        return apply(x, c, NDArray::sub, NDArray::sub);
    }

    /** max(x, c), entry by entry (a NaN stays NaN). */
    public static NDArray maximum(NDArray x, double c) {
        return apply(x, c, NDArray::maximum, NDArray::maximum);
    }

    /** The in-place operations of {@link #inPlace}. */
    public enum InPlaceOp {
        /** x *= c. */
        MUL,
        /** x /= c. */
        DIV
    }

    /**
     * x op= c, overwriting x (DJL's {@code muli}/{@code divi}): the same bits as {@code mul}/{@code div} without a new
     * result array, for a temporary that nothing else holds (a fresh result of the caller's own step, never a model's
     * output, a cached prediction or the state). At image shapes a step's result arrays are its main cost after the
     * arithmetic (docs/performance.md). Returns x.
     */
    public static NDArray inPlace(NDArray x, InPlaceOp op, double c) {
        NDArray s = slot(x, c);
        if (op == InPlaceOp.MUL) {
            return s == null ? x.muli(c) : x.muli(s);
        }
        return s == null ? x.divi(c) : x.divi(s);
    }

    /** The operation with this thread's number tensor holding c, or DJL's call with the number where none serves. */
    private static NDArray apply(NDArray x, double c, BinaryOperator<NDArray> withTensor, BiFunction<NDArray, Number, NDArray> withNumber) {
        NDArray s = slot(x, c);
        return s == null ? withNumber.apply(x, c) : withTensor.apply(x, s);
    }

    /** This thread's 0-d tensor of x's type holding c, or null where DJL's own call must serve. */
    private static NDArray slot(NDArray x, double c) {
        Slots slots = OPEN.get();
        if (slots == null || !x.getDevice().equals(Device.cpu())) {
            return null;
        }
        DataType type = x.getDataType();
        if (type == DataType.FLOAT32) {
            return slots.float32(c);
        }
        return type == DataType.FLOAT64 ? slots.float64(c) : null;
    }

    /** One thread's reusable numbers, on a manager of their own and outside every {@link NDScope}. */
    private static final class Slots {
        private final NDManager manager = NDManager.newBaseManager(Device.cpu());
        private final NDArray single;
        private final NDArray twice;
        // the tensors' own storage (valid while the manager lives, which outlives every use of these buffers)
        private final ByteBuffer singleBytes;
        private final ByteBuffer doubleBytes;
        private int depth;

        Slots() {
            try {
                single = manager.create(0f);
                twice = manager.create(0d);
                NDScope.unregister(single, twice);
                singleBytes = storage(single);
                doubleBytes = storage(twice);
            } catch (RuntimeException e) {
                manager.close();
                throw e;
            }
        }

        /** The tensor's storage as a buffer, checked once: a number written into it must be what the engine reads. */
        private static ByteBuffer storage(NDArray scalar) {
            ByteBuffer view = scalar.toByteBuffer(true).order(ByteOrder.nativeOrder());
            boolean single = scalar.getDataType() == DataType.FLOAT32;
            if (single) {
                view.putFloat(0, 1.5f);
            } else {
                view.putDouble(0, 1.5);
            }
            double read = single ? scalar.getFloat() : scalar.getDouble();
            if (!view.isDirect() || read != 1.5) {
                throw new IllegalStateException("the engine gave a copy of a 0-d " + scalar.getDataType()
                        + " tensor's storage, not the storage itself: Scalars needs DJL's PyTorch engine on the CPU");
            }
            return view;
        }

        NDArray float32(double c) {
            singleBytes.putFloat(0, (float) c);
            return single;
        }

        NDArray float64(double c) {
            doubleBytes.putDouble(0, c);
            return twice;
        }
    }
}
