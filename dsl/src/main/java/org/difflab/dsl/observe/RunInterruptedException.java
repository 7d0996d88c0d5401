package org.difflab.dsl.observe;

import java.util.concurrent.CancellationException;

/**
 * A run stopped because its thread was interrupted (a notebook's interrupt, Ctrl-C on the command line). Runs look at
 * the thread's interrupt flag once per step and, when it is set, consume it, free the run's native memory and throw
 * this, naming the sampler, the step and the time reached; the thread and the engine are then ready for the next run.
 */
public final class RunInterruptedException extends CancellationException {
    private final StopPoint stoppedAt;

    public RunInterruptedException(String integrator, int step, int steps, double tNext) {
        super(integrator + " was interrupted after step " + (step + 1) + " of " + steps + " (t = " + tNext + "); the run was stopped");
        this.stoppedAt = new StopPoint(integrator, step, tNext);
    }

    /**
     * A run stopped inside a loop that spans several steps (a ParaDiGMS round, a Picard sweep, drawing a run's noise up
     * front), before step {@code nextStep} (0-based) was final; {@code where} says which loop, e.g. "in round 12".
     */
    public RunInterruptedException(String integrator, String where, int nextStep, int steps, double time) {
        super(integrator + " was interrupted " + where + " (steps 1 to " + nextStep + " of " + steps + " final, t = " + time
                + "); the run was stopped");
        this.stoppedAt = new StopPoint(integrator, nextStep - 1, time);
    }

    /** The sampler, the 0-based index of the last step taken (-1: none) and the time it reached. */
    public StopPoint stoppedAt() {
        return stoppedAt;
    }
}
