package org.difflab.dsl.observe;

/** A run produced NaN or an infinity; the message names the sampler, the step and the time. */
public final class NonFiniteStateException extends IllegalStateException {
    private final String integrator;
    private final int step;
    private final double time;

    public NonFiniteStateException(String integrator, int step, int steps, double t, double tNext, long firstSample) {
        super(integrator + " produced NaN or Inf at step " + (step + 1) + " of " + steps + " (t = " + t + " -> " + tNext
                + ", batch starting at sample " + firstSample + "); the run was stopped");
        this.integrator = integrator;
        this.step = step;
        this.time = tNext;
    }

    public String integrator() {
        return integrator;
    }

    /** 0-based index of the failing step. */
    public int step() {
        return step;
    }

    /** Time reached by the failing step. */
    public double time() {
        return time;
    }
}
