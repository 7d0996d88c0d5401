package org.difflab.dsl.grid;

import java.util.function.IntToDoubleFunction;
import org.difflab.dsl.schedule.NoiseSchedule;

/** Points equally spaced in lambda = ln(alpha/sigma), the natural variable of DPM-Solver (Lu et al. 2022). */
public final class LogSnrGrid extends GridSpec {
    public LogSnrGrid(int steps, boolean finalJump) {
        super("logsnr", steps, finalJump, LogSnrGrid::new);
    }

    @Override
    protected IntToDoubleFunction point(NoiseSchedule s, int m) {
        double hi = s.lambda(s.tMax());
        double lo = s.lambda(s.tMin());
        return i -> {
            stopIfInterrupted(s, i, m);
            return s.timeOfLambda(hi + (lo - hi) * i / (m - 1));
        };
    }
}
