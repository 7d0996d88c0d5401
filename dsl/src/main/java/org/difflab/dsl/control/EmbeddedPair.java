package org.difflab.dsl.control;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * Two solutions of one step of the probability-flow ODE that share model evaluations: a higher-order one, which the
 * run keeps (local extrapolation), and an embedded lower-order one; their difference estimates the local error of the
 * lower one, O(h^(lowerOrder + 1)), which a {@link StepController} turns into the next step size. Every row takes its
 * own step: {@code from[r]} and {@code to[r]} are row r's noise levels.
 */
public interface EmbeddedPair {

    /** What the pair states about itself: name, step variable, orders, evaluations per attempt. */
    PairInfo info();

    /** The pair's name, e.g. {@code heun} (Heun with embedded Euler). */
    default String name() {
        return info().name();
    }

    /** The variable the steps are taken in. */
    default StepVariable variable() {
        return info().variable();
    }

    /** Order of the solution the run keeps. */
    default int higherOrder() {
        return info().higherOrder();
    }

    /** Order of the embedded solution; the error estimate is of order lowerOrder + 1. */
    default int lowerOrder() {
        return info().lowerOrder();
    }

    /** Model evaluations one attempt spends beyond the one at the step's start (which is reused after a rejection). */
    default int evaluationsPerAttempt() {
        return info().evaluationsPerAttempt();
    }

    /**
     * One attempted step of every row from {@code from} to {@code to}.
     *
     * @param model the model, evaluated at per-row levels and counted per row
     * @param x     the batch at {@code from}
     * @param eps   the model's noise prediction at (x, from)
     */
    Attempt attempt(RowModel model, NDArray x, NDArray eps, NoiseLevel[] from, NoiseLevel[] to);

    /** The two solutions of an attempt, both at the step's end. */
    record Attempt(NDArray higher, NDArray lower) {
    }
}
