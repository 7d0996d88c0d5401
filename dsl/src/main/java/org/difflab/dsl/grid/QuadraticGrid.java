package org.difflab.dsl.grid;

import java.util.function.IntToDoubleFunction;
import org.difflab.dsl.schedule.NoiseSchedule;

/** Points quadratic in time, finer near the data end (DDIM's "quad" skip, Song et al. 2021 appendix). */
public final class QuadraticGrid extends GridSpec {
    public QuadraticGrid(int steps, boolean finalJump) {
        super("quadratic", steps, finalJump, QuadraticGrid::new);
    }

    @Override
    protected IntToDoubleFunction point(NoiseSchedule s, int m) {
        return i -> {
            double u = 1 - (double) i / (m - 1);
            return s.tMin() + (s.tMax() - s.tMin()) * u * u;
        };
    }
}
