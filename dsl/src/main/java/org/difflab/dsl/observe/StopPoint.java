package org.difflab.dsl.observe;

/**
 * Where a run stopped, as its exception reports it ({@link NonFiniteStateException} for a failed run,
 * {@link RunInterruptedException} for an interrupted one): the sampler, a 0-based step and the time reached.
 *
 * @param integrator the sampler's name
 * @param step       0-based index of the step: the failing one, or for an interrupt the last one taken (-1: none)
 * @param time       the time that step reached
 */
public record StopPoint(String integrator, int step, double time) {
}
