package org.difflab.dsl.hierarchy;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * A batch of states x [B, event...] at one noise level, e.g. the states a pilot trajectory visits at one grid point:
 * the points over which {@link LevelDifferences} averages ||s^k - s^{k-1}||^2 for the ML-EM rates and the HTMC
 * exponent (Jacot 2026, arXiv 2603.24594; research note mlem_parallel.md, section A.4, option (a): "(t, x_t) pairs
 * drawn from sampling trajectories").
 *
 * @param level the noise level of every row
 * @param x     the states, one sample per row
 */
public record StateBatch(NoiseLevel level, NDArray x) {

    public StateBatch {
        Require.notNull("level", level);
        Require.notNull("x", x);
    }
}
