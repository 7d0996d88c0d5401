package org.difflab.dsl.grid;

import java.util.function.IntToDoubleFunction;
import org.difflab.dsl.schedule.NoiseSchedule;

/** Points equally spaced in time (DDIM's "uniform" skip; on DDPM-1000 with 1000 steps, the full chain). */
public final class UniformGrid extends GridSpec {
    public UniformGrid(int steps, boolean finalJump) {
        super("uniform", steps, finalJump, UniformGrid::new);
    }

    @Override
    protected IntToDoubleFunction point(NoiseSchedule s, int m) {
        return i -> s.tMax() + (s.tMin() - s.tMax()) * i / (m - 1);
    }
}
