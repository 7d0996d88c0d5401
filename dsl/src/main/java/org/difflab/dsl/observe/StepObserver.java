package org.difflab.dsl.observe;

/**
 * A step callback (k-diffusion's {@code callback}, Hipparchus' step handlers). Observers may throw to stop
 * a run; the run then releases its native memory and the exception reaches the caller.
 */
@FunctionalInterface
public interface StepObserver {

    /** Called after each step. */
    void onStep(StepEvent event);
}
