package org.difflab.dsl.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import java.util.function.BiFunction;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * The fallback of a batched evaluation whose rows carry their own noise levels, for models that take one level per
 * call: one call per run of equal consecutive levels, concatenated in row order. Parallel-in-time samplers stack
 * their time points slot by slot, so a window of L points costs L calls here and one call in a model that takes a
 * time per row.
 */
public final class LevelRuns {
    private LevelRuns() {}

    /**
     * @param x      batch [N, event...]
     * @param levels one level for every row (length 1) or one per row (length N)
     * @param f      the evaluation at one level
     */
    public static NDArray apply(NDArray x, NoiseLevel[] levels, BiFunction<NDArray, NoiseLevel, NDArray> f) {
        long rows = x.getShape().get(0);
        if (levels.length == 1) {
            return f.apply(x, levels[0]);
        }
        if (levels.length != rows) {
            throw new IllegalArgumentException("levels has " + levels.length + " entries, which is not allowed for a batch of " + rows
                    + " rows: one level for every row, or one per row");
        }
        NDList parts = new NDList();
        int start = 0;
        for (int r = 1; r <= levels.length; r++) {
            if (r == levels.length || !levels[r].equals(levels[start])) {
                NDArray part = start == 0 && r == levels.length ? x : x.get(start + ":" + r);
                parts.add(f.apply(part, levels[start]));
                start = r;
            }
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, 0);
    }
}
