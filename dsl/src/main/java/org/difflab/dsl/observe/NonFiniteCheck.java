package org.difflab.dsl.observe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Stops a run at the first step whose state holds NaN or an infinity, naming sampler, step and time.
 *
 * <p>It looks at the sum of the state first: one reduction and one number copied to the host per step, where testing
 * every entry took four operations and was the largest cost DiffLab added to a step of a small problem (26-46 us of a
 * 62-96 us step, measured by {@code difflab bench}). A sum is NaN or infinite whenever an entry is, and otherwise
 * only when finite entries overflow it, so the entries are tested one by one only then. The sum is read with
 * {@code toDoubleArray()}/{@code toFloatArray()}, not DJL's {@code getDouble()}/{@code getFloat()}, which index the
 * 0-d tensor first (an engine call and a tensor more): 3.7 against 2.1 us for sum and read of a [64, 2] tensor
 * (warm JIT, one intra-op thread, idle machine), where a step of ddim at that shape costs about 18 us.
 */
public final class NonFiniteCheck implements StepObserver {
    @Override
    public void onStep(StepEvent e) {
        NDArray x = e.state();
        if (!Double.isFinite(sum(x)) && x.isNaN().logicalOr(x.isInfinite()).any().toBooleanArray()[0]) {
            throw new NonFiniteStateException(e.integrator(), e.step(), e.steps(), e.t(), e.tNext(), e.firstSample());
        }
    }

    private static double sum(NDArray x) {
        try (NDArray s = x.sum()) {
            return switch (s.getDataType()) {
                case FLOAT64 -> s.toDoubleArray()[0];
                case FLOAT32 -> s.toFloatArray()[0];
                default -> s.toType(DataType.FLOAT64, false).toDoubleArray()[0];
            };
        }
    }
}
