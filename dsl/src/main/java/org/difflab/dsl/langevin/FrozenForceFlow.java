package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.integrator.RunContext;

/**
 * The Langevin dynamics over a time s with the force frozen at b, integrated exactly: X(s) = A_s X + G_s b + N(s),
 * N(s) ~ N(0, Sigma(s)) (research note section 1, eq. (1)). One step of overdamped LMC (A = I, G_s = s, Sigma = 2s I) or of
 * ULMC with the exact OU integrator ({@link OrnsteinUhlenbeck}) is this flow over h; the randomized and Poisson
 * midpoint samplers reuse it with other times, which is why it is exposed instead of re-derived in each integrator
 * (DESIGN.md: linear-Gaussian steps expose their coefficients). The flow has the composition properties the midpoint
 * methods need: A_{s+r} = A_r A_s and Sigma(s + r) = A_r Sigma(s) A_r^T + Sigma(r).
 *
 * <p>Times are given per row: an array of length 1 applies to every row, one of length B gives each row its own time
 * (random midpoints). Noise draws come from the run's stream; {@link #noise} ties its Brownian increment to the time
 * interval, so a Brownian-path noise source sees one path.
 */
public interface FrozenForceFlow {

    /** The positions of a state batch (the state itself when overdamped). */
    NDArray position(NDArray state);

    /** A_s x: the state carried over a time s without force or noise. */
    NDArray carry(NDArray state, double[] s);

    /** A_s x + G_s b: the state moved over a time s under the frozen force b (positions-shaped), without noise. */
    NDArray advance(NDArray state, NDArray b, double[] s);

    /** A_after G_delta b: a force b acting during a time delta, then carried over a time after (state-shaped). */
    NDArray push(NDArray b, double delta, double[] after);

    /** w A_after F b: a force b acting at one instant with weight w (an integral's randomized estimate), then carried over after. */
    NDArray kick(NDArray b, double[] weight, double[] after);

    /** N(s) ~ N(0, Sigma(s)) for the interval [t, t + s], its Brownian increment tied to that interval; positions-like input. A new array, which the caller may overwrite. */
    NDArray noise(RunContext ctx, NDArray positions, double t, double s);

    /** N(s) ~ N(0, Sigma(s)) with per-row times, from draws tied to no interval (independent of every other draw). */
    NDArray noiseUntied(RunContext ctx, NDArray positions, double[] s);

    /**
     * The accumulated noise of one Brownian path over [t, t + h] observed at the per-row split time a (0 <= a <= h)
     * and at h: N(a) and N(h) = A_{h-a} N(a) + (noise of [a, h]). The increment over [t, t + h] is tied to that
     * interval; the split comes from its Brownian bridge.
     */
    Split split(RunContext ctx, NDArray positions, double t, double h, double[] a);

    /** The noise observed at the split time and at the end of the interval, both state-shaped. */
    record Split(NDArray atSplit, NDArray atEnd) {
    }
}
