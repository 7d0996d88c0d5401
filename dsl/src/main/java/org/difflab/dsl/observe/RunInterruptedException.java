package org.difflab.dsl.observe;

import java.util.concurrent.CancellationException;

/**
 * A run stopped because its thread was interrupted (a notebook's interrupt, Ctrl-C on the command line). Runs look at
 * the thread's interrupt flag once per step and, when it is set, consume it, free the run's native memory and throw
 * this, naming the sampler, the step and the time reached; the thread and the engine are then ready for the next run.
 */
public final class RunInterruptedException extends CancellationException {
    private final String integrator;
    private final int step;
    private final double time;

    public RunInterruptedException(String integrator, int step, int steps, double tNext) {
        super(integrator + " was interrupted after step " + (step + 1) + " of " + steps + " (t = " + tNext + "); the run was stopped");
        this.integrator = integrator;
        this.step = step;
        this.time = tNext;
    }

    public String integrator() {
        return integrator;
    }

    /** 0-based index of the last step taken. */
    public int step() {
        return step;
    }

    /** Time reached by the last step taken. */
    public double time() {
        return time;
    }
}
