package org.difflab.theory.convergence;

/**
 * The step-size variable an order is fitted against. Against T the order is -slope of log error vs log T;
 * against h = ln T / T (the effective step of the Li et al. schedules, whose step carries a ln T factor that
 * depresses slopes against T) it is the slope of log error vs log h.
 */
public enum StepProxy {
    /** The step count T. */
    STEPS,
    /** h = ln T / T. */
    LOG_STEPS_OVER_STEPS;

    /** The proxy value at T steps (T >= 2 for h). */
    public double at(int steps) {
        if (this == LOG_STEPS_OVER_STEPS && steps < 2) {
            throw new IllegalArgumentException("steps = " + steps + " is not allowed with the h = ln T / T proxy: must be >= 2");
        }
        return this == STEPS ? steps : Math.log(steps) / steps;
    }

    /** +1 when the error grows with the proxy (h), -1 when it shrinks (T): order = sign * slope. */
    double sign() {
        return this == STEPS ? -1 : 1;
    }
}
