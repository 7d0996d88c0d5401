package org.difflab.theory.convergence;

/**
 * The step-size variable an order is fitted against: h = 1/T ({@link #STEPS}, the order is then -slope of log
 * error vs log T) or h = ln T / T (the effective step of the Li et al. schedules, whose step carries a ln T factor
 * that depresses slopes against T).
 */
public enum StepProxy {
    /** The step count T, with step size h = 1/T. */
    STEPS,
    /** h = ln T / T. */
    LOG_STEPS_OVER_STEPS;

    /** The proxy value at T steps: T, or h = ln T / T (T >= 2). */
    public double at(int steps) {
        return this == STEPS ? checked(steps) : stepSize(steps);
    }

    /** The step size h at T steps: 1/T, or ln T / T (T >= 2); error ~ C h^p defines the order p. */
    public double stepSize(int steps) {
        return this == STEPS ? 1.0 / checked(steps) : Math.log(checked(steps)) / steps;
    }

    private int checked(int steps) {
        int min = this == STEPS ? 1 : 2;
        if (steps < min) {
            throw new IllegalArgumentException("steps = " + steps + " is not allowed with the " + this + " proxy: must be >= " + min);
        }
        return steps;
    }
}
