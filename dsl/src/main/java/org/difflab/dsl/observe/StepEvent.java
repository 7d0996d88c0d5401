package org.difflab.dsl.observe;

import ai.djl.ndarray.NDArray;

/**
 * What an observer sees after step {@code step} (0-based) of {@code steps}: the state at tNext, valid only
 * during the callback (copy it to keep it).
 *
 * @param integrator name of the integrator
 * @param step       index of the step just taken
 * @param steps      number of steps of the run; for an adaptive run the most it may take (its {@code maxSteps})
 * @param done       share of the batch's run done, 0..1: (step + 1) / steps on a fixed grid; for an adaptive run the
 *                   share of the time span covered by its slowest running sample (rounds say little about the end)
 * @param t          time at the start of the step
 * @param tNext      time at its end
 * @param state      the batch after the step
 * @param nfe        model evaluations spent so far
 * @param firstSample global index of the batch's first sample
 */
public record StepEvent(String integrator, int step, int steps, double done, double t, double tNext, NDArray state, long nfe,
        long firstSample) {
}
