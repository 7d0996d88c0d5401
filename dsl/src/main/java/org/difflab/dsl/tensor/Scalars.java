package org.difflab.dsl.tensor;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Consumer;

/**
 * Java numbers and values in tensor operations without a tensor created for them each time. DJL's {@code x.mul(double)}
 * makes a float64 0-d tensor for every call (a direct buffer, a native tensor, a manager entry, then its deletion), and
 * {@code manager.create(double[])} goes through the engine's {@code from_blob}; on small tensors either costs several
 * times the operation itself (docs/performance.md). Inside a run ({@link #open}, which {@code Solve.run} and the exact
 * evaluator hold) each thread keeps one 0-d tensor per type (float32, float64), and one staging tensor per shape and
 * type used ({@link #copyOf}), and writes the values straight into their storage ({@link StagedTensor}): no engine call
 * for the number at all (writing it with {@code NDArray.set} was an engine call as dear as the operation, 8% of the
 * catalogue's CPU samples), and one copy by the engine for an array of values. The run's end frees them, so nothing
 * outlives the runs (a manager per thread for good would outlive every thread that used it). Outside a run, and for
 * other types and devices, DJL's own calls serve.
 *
 * <p>Same bits as DJL's calls: PyTorch computes a float32 tensor times a float64 0-d tensor in float32, with the number
 * rounded to float32 once, as Java's {@code (float)} cast rounds it ({@code ScalarsTest} compares every operation on
 * random values in both types). PyTorch's CPU operations are synchronous, so a value can be overwritten as soon as
 * the operation that read it returns; the tensors are per thread.
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

    /**
     * A new tensor of these values (row-major, {@code shape}'s size of them) in {@code type} on {@code manager}: inside a
     * run, on a CPU manager, in float32 or float64, the values are written into this thread's staging tensor of that
     * shape and type ({@link StagedTensor}) and copied by the engine, instead of DJL's creation from a new direct buffer
     * (its {@code from_blob}, the costliest call on small tensors: docs/performance.md); elsewhere a new tensor written
     * through its storage ({@link HostValues}). The same numbers, so the same bits.
     */
    public static NDArray copyOf(NDManager manager, double[] values, Shape shape, DataType type) {
        StagedTensor staged = staged(manager, shape, type);
        if (staged == null) {
            return HostValues.of(manager, values, shape, type);
        }
        NDArray out = staged.holding(values).duplicate();
        out.attach(manager);
        return out;
    }

    /**
     * A tensor of a model's fixed values (e.g. a synthetic level's error coefficients) that the caller reads and neither
     * changes nor closes: inside a run, on a CPU manager, in float32 or float64, the first call copies them into a tensor
     * that this thread keeps until the run ends, found again by the array itself (so the array must not change while a
     * run uses it), and later calls cost no engine call (a copy per call was 2.7% of the catalogue's CPU samples);
     * elsewhere, or past {@link Slots#MOST_CONSTANTS} arrays in a run, a new tensor as {@link #copyOf} makes. The same
     * numbers, so the same bits.
     */
    public static NDArray constant(NDManager manager, double[] values, Shape shape, DataType type) {
        Slots slots = OPEN.get();
        if (slots == null || !manager.getDevice().equals(Device.cpu()) || (type != DataType.FLOAT32 && type != DataType.FLOAT64)) {
            return copyOf(manager, values, shape, type);
        }
        NDArray kept = slots.constant(values, shape, type);
        return kept == null ? copyOf(manager, values, shape, type) : kept;
    }

    /**
     * Lends {@code use} a tensor of these values for the length of the call only (this thread's staging tensor inside a
     * run, see {@link #copyOf}; a new tensor, closed after, elsewhere): for values that the engine reads at once, e.g.
     * copied into another array. {@code use} must not keep it, nor anything that shares its storage.
     */
    public static void lend(NDManager manager, double[] values, Shape shape, DataType type, Consumer<NDArray> use) {
        StagedTensor staged = staged(manager, shape, type);
        if (staged != null) {
            use.accept(staged.holding(values));
            return;
        }
        try (NDArray fresh = HostValues.of(manager, values, shape, type)) {
            use.accept(fresh);
        }
    }

    /**
     * This thread's staging tensor of the shape and type, or null outside a run, off the CPU, for other types, for more
     * than {@link Slots#MOST_STAGED_VALUES} values (where the creation's fixed cost no longer dominates) or when full.
     */
    private static StagedTensor staged(NDManager manager, Shape shape, DataType type) {
        Slots slots = OPEN.get();
        if (slots == null || !manager.getDevice().equals(Device.cpu()) || shape.size() == 0 || shape.size() > Slots.MOST_STAGED_VALUES
                || (type != DataType.FLOAT32 && type != DataType.FLOAT64)) {
            return null;
        }
        return slots.staged(shape, type);
    }

    /** What a staging tensor is for: its shape and type. */
    private record Staging(Shape shape, DataType type) {
    }

    /** What a kept constant holds: the array itself (a record compares arrays by identity), its shape and type. */
    private record Kept(double[] values, Shape shape, DataType type) {
    }

    /** One thread's reusable tensors for Java values, on a manager of their own and outside every {@link NDScope}. */
    private static final class Slots {
        /** Staging tensors of a run: one per shape and type, at most this many (the runs use a handful). */
        private static final int MOST_STAGED = 32;
        /** The most values of one staging tensor: at most 32 x 512 KiB held per thread and run. */
        private static final long MOST_STAGED_VALUES = 1 << 16;
        /** Constants kept in a run, at most this many arrays (of at most {@link #MOST_STAGED_VALUES} values each). */
        private static final int MOST_CONSTANTS = 64;

        private final NDManager manager = NDManager.newBaseManager(Device.cpu());
        private final StagedTensor single;
        private final StagedTensor twice;
        private final Map<Staging, StagedTensor> staged = new HashMap<>();
        private final Map<Kept, NDArray> constants = new HashMap<>();
        private int depth;

        Slots() {
            try {
                single = new StagedTensor(manager, new Shape(), DataType.FLOAT32);
                twice = new StagedTensor(manager, new Shape(), DataType.FLOAT64);
            } catch (RuntimeException e) {
                manager.close();
                throw e;
            }
        }

        NDArray float32(double c) {
            return single.holding(c);
        }

        NDArray float64(double c) {
            return twice.holding(c);
        }

        /** The kept tensor of these values, made on first use; null when the values are too many or the run keeps enough. */
        NDArray constant(double[] values, Shape shape, DataType type) {
            Kept key = new Kept(values, shape, type);
            NDArray kept = constants.get(key);
            if (kept == null && constants.size() < MOST_CONSTANTS && shape.size() <= MOST_STAGED_VALUES) {
                kept = HostValues.of(manager, values, shape, type);
                NDScope.unregister(kept);
                constants.put(key, kept);
            }
            return kept;
        }

        StagedTensor staged(Shape shape, DataType type) {
            Staging key = new Staging(shape, type);
            StagedTensor s = staged.get(key);
            if (s == null && staged.size() < MOST_STAGED) {
                s = new StagedTensor(manager, shape, type);
                staged.put(key, s);
            }
            return s;
        }
    }
}
