package org.difflab.dsl.observe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Stops a run at the first step whose state holds NaN or an infinity, naming sampler, step and time.
 *
 * <p>It looks at the sum of the state first: one reduction and one number copied to the host per step, where testing
 * every entry took four operations and was the largest cost DiffLab added to a step of a small problem (26-46 us of a
 * 62-96 us step, measured by {@code difflab bench}). A sum is NaN or infinite whenever an entry is, and otherwise
 * only when finite entries overflow it, so the entries are tested one by one only then.
 */
public final class NonFiniteCheck implements StepObserver {
    @Override
    public void onStep(StepEvent e) {
        NDArray x = e.state();
        if (!Double.isFinite(sum(x)) && x.isNaN().logicalOr(x.isInfinite()).any().getBoolean()) {
            throw new NonFiniteStateException(e.integrator(), e.step(), e.steps(), e.t(), e.tNext(), e.firstSample());
        }
    }

    private static double sum(NDArray x) {
        try (NDArray s = x.sum()) {
            return switch (s.getDataType()) {
                case FLOAT64 -> s.getDouble();
                case FLOAT32 -> s.getFloat();
                default -> s.toType(DataType.FLOAT64, false).getDouble();
            };
        }
    }
}
