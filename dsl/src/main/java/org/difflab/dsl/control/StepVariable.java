package org.difflab.dsl.control;

import java.util.function.BiFunction;
import java.util.function.ToDoubleFunction;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;

/**
 * The variable an adaptive run steps in, from the prior end to the smallest noise level: the noise level sigma = s/alpha
 * of the rescaled variable (EDM's ODE, decreasing) or the half log signal-to-noise ratio lambda = ln(alpha/s)
 * (DPM-Solver's, increasing). A step size is a signed difference of this variable.
 */
public enum StepVariable {
    /** sigma = s/alpha (Karras et al. 2022, eq. 4). */
    SIGMA(NoiseLevel::sigmaOverAlpha, NoiseSchedule::levelAtSigmaOverAlpha),
    /** lambda = ln(alpha/s) (Lu et al. 2022, section 3.1). */
    LAMBDA(NoiseLevel::lambda, (schedule, value) -> schedule.level(schedule.timeOfLambda(value)));

    private final ToDoubleFunction<NoiseLevel> of;
    private final BiFunction<NoiseSchedule, Double, NoiseLevel> level;

    StepVariable(ToDoubleFunction<NoiseLevel> of, BiFunction<NoiseSchedule, Double, NoiseLevel> level) {
        this.of = of;
        this.level = level;
    }

    /** This variable at a noise level. */
    public double of(NoiseLevel level) {
        return of.applyAsDouble(level);
    }

    /** The noise level at which this variable has the given value (found by bisection in time). */
    public NoiseLevel level(NoiseSchedule schedule, double value) {
        return level.apply(schedule, value);
    }
}
