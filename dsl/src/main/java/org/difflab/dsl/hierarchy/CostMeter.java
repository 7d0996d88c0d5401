package org.difflab.dsl.hierarchy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import org.difflab.dsl.Require;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * Measures the cost C_k of a hierarchy level as the mean wall time of one batch evaluation, for hierarchies of real
 * networks whose costs are not declared (multilevel Euler-Maruyama, Jacot 2026, arXiv 2603.24594; research note
 * mlem_parallel.md, section A.4, step 1: "measured latency on the target hardware"; the protocol is the note's
 * reconstruction). Only ratios of costs enter gamma and the ML-EM rates, so measure all levels on the same batch, in
 * one run, on the same machine. Each evaluation's arrays are freed at once (an {@link NDScope} per call), so the
 * measurement does not grow native memory.
 */
public final class CostMeter {
    private CostMeter() {}

    /**
     * Mean wall time in seconds of {@code model.predict(x, level)} over {@code repeats} calls, after {@code warmup}
     * untimed calls (engine warm-up, allocator caches). The result is always &gt; 0.
     */
    public static double meanSeconds(ScoreModel model, NDArray x, NoiseLevel level, int warmup, int repeats) {
        Require.notNull("model", model);
        Require.notNull("x", x);
        Require.notNull("level", level);
        Require.inRange("warmup", warmup, 0, Integer.MAX_VALUE);
        Require.positive("repeats", repeats);
        for (int i = 0; i < warmup; i++) {
            evaluate(model, x, level);
        }
        long start = System.nanoTime();
        for (int i = 0; i < repeats; i++) {
            evaluate(model, x, level);
        }
        long elapsed = Math.max(1, System.nanoTime() - start);
        return elapsed * 1e-9 / repeats;
    }

    private static void evaluate(ScoreModel model, NDArray x, NoiseLevel level) {
        try (NDScope ignored = new NDScope()) {
            // PyTorch's engine is eager: the computation has finished when predict returns
            model.predict(x, level);
        }
    }
}
