package org.difflab.dsl.observe;

import java.util.concurrent.CancellationException;

/**
 * A run stopped because its thread was interrupted (a notebook's interrupt, Ctrl-C on the command line). Runs look at
 * the thread's interrupt flag once per step and, when it is set, consume it, free the run's native memory and throw
 * this, naming the sampler, the step and the time reached; the thread and the engine are then ready for the next run.
 */
public final class RunInterruptedException extends CancellationException {
    // alike NonFiniteStateException in shape only: that one is an IllegalStateException (a failed run), this one a
    // CancellationException (a stopped run), and Java gives the two no common base to hold these fields
    private final String integrator;
    private final int step;
    private final double time;

    public RunInterruptedException(String integrator, int step, int steps, double tNext) {
        super(integrator + " was interrupted after step " + (step + 1) + " of " + steps + " (t = " + tNext + "); the run was stopped");
        this.integrator = integrator;
        this.step = step;
        this.time = tNext;
    }

    /**
     * A run stopped inside a loop that spans several steps (a ParaDiGMS round, a Picard sweep, drawing a run's noise up
     * front), before step {@code nextStep} (0-based) was final; {@code where} says which loop, e.g. "in round 12".
     */
    public RunInterruptedException(String integrator, String where, int nextStep, int steps, double time) {
        super(integrator + " was interrupted " + where + " (steps 1 to " + nextStep + " of " + steps + " final, t = " + time
                + "); the run was stopped");
        this.integrator = integrator;
        this.step = nextStep - 1;
        this.time = time;
    }

    public String integrator() {
        return integrator;
    }

    /** 0-based index of the last step taken (-1: none). */
    public int step() {
        return step;
    }

    /** Time reached by the last step taken. */
    public double time() {
        return time;
    }
}
