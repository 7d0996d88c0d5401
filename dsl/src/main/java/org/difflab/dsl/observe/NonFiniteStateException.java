package org.difflab.dsl.observe;

/** A run produced NaN or an infinity; the message names the sampler, the step and the time. */
public final class NonFiniteStateException extends IllegalStateException {
    private final StopPoint stoppedAt;

    public NonFiniteStateException(String integrator, int step, int steps, double t, double tNext, long firstSample) {
        super(integrator + " produced NaN or Inf at step " + (step + 1) + " of " + steps + " (t = " + t + " -> " + tNext
                + ", batch starting at sample " + firstSample + "); the run was stopped");
        this.stoppedAt = new StopPoint(integrator, step, tNext);
    }

    /** The sampler, the 0-based index of the failing step and the time it reached. */
    public StopPoint stoppedAt() {
        return stoppedAt;
    }
}
