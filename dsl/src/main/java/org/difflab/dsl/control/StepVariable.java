package org.difflab.dsl.control;

import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;

/**
 * The variable an adaptive run steps in, from the prior end to the smallest noise level: the noise level sigma = s/alpha
 * of the rescaled variable (EDM's ODE, decreasing) or the half log signal-to-noise ratio lambda = ln(alpha/s)
 * (DPM-Solver's, increasing). A step size is a signed difference of this variable.
 */
public enum StepVariable {
    /** sigma = s/alpha (Karras et al. 2022, eq. 4). */
    SIGMA {
        @Override
        public double of(NoiseLevel level) {
            return level.sigmaOverAlpha();
        }

        @Override
        public NoiseLevel level(NoiseSchedule schedule, double value) {
            return schedule.levelAtSigmaOverAlpha(value);
        }
    },
    /** lambda = ln(alpha/s) (Lu et al. 2022, section 3.1). */
    LAMBDA {
        @Override
        public double of(NoiseLevel level) {
            return level.lambda();
        }

        @Override
        public NoiseLevel level(NoiseSchedule schedule, double value) {
            return schedule.level(schedule.timeOfLambda(value));
        }
    };

    /** This variable at a noise level. */
    public abstract double of(NoiseLevel level);

    /** The noise level at which this variable has the given value (found by bisection in time). */
    public abstract NoiseLevel level(NoiseSchedule schedule, double value);
}
