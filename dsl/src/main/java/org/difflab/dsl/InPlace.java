package org.difflab.dsl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import org.difflab.dsl.tensor.Scalars;

/**
 * Overwrites an array's values in place by a slice assignment over its first axis. DJL's {@code NDArray.set(Buffer)}
 * and {@code copyTo} go through libtorch's {@code from_blob} under the deprecated {@code AutoNonVariableTypeMode} guard,
 * which makes libtorch 2.7 print a deprecation warning to the process's stderr (natively, past Java's streams) the
 * first time; a slice assignment does the same copy without that guard, so no DiffLab command prints it.
 */
public final class InPlace {
    private InPlace() {}

    /** Copies {@code values} (same shape) into {@code target}, which must have at least one axis. */
    public static void overwrite(NDArray target, NDArray values) {
        Require.notNull("target", target);
        Require.notNull("values", values);
        if (target.getShape().dimension() == 0 || !target.getShape().equals(values.getShape())) {
            throw new IllegalArgumentException("values of shape " + values.getShape() + " are not allowed for a target of shape "
                    + target.getShape() + ": the shapes must be equal, with at least one axis");
        }
        // libtorch's grad mode is per thread and on by default: a parameter that requires grad (a leaf) refuses an in-place
        // write on a thread the engine was not started on (a Spark task, a test thread), so it is detached for the copy
        boolean grad = target.hasGradient();
        if (grad) {
            target.setRequiresGradient(false);
        }
        try {
            target.set(new NDIndex(":"), values.getDataType() == target.getDataType() ? values : values.toType(target.getDataType(), false));
        } finally {
            if (grad) {
                target.setRequiresGradient(true);
            }
        }
    }

    /**
     * Copies {@code values} (row-major, target.size() of them) into {@code target}, through a float64 tensor of them that
     * a run lends ({@link Scalars#lend}: no tensor created for them inside a run).
     */
    public static void overwrite(NDArray target, double[] values) {
        Scalars.lend(target.getManager(), values, target.getShape(), DataType.FLOAT64, staged -> overwrite(target, staged));
    }

    /** Copies {@code values} (row-major, target.size() of them) into {@code target}. */
    public static void overwrite(NDArray target, float[] values) {
        try (NDArray fresh = target.getManager().create(values, target.getShape())) {
            overwrite(target, fresh);
        }
    }
}
