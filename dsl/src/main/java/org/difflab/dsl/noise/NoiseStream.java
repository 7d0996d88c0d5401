package org.difflab.dsl.noise;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * The random numbers of one batch of samples, opened by a {@link NoiseSource} for sample indices
 * [first, first + size). Every draw a run makes comes from here, the prior included. Gaussian draws and
 * auxiliary (uniform) draws are separate calls on separate streams, so adding an auxiliary draw never
 * shifts the Gaussian ones.
 */
public interface NoiseStream {

    /** Number of samples (rows) this stream serves. */
    int size();

    /** Global index of the first row's sample. */
    long first();

    /**
     * Standard normal draws of shape [size, event...] for the time interval (tFrom, tTo) of the run.
     * Per-sample sources ignore the interval; a Brownian path returns its increment over the interval
     * divided by sqrt(|tFrom - tTo|), so runs on different grids see one path.
     */
    NDArray normal(NDManager manager, Shape event, DataType type, double tFrom, double tTo);

    /** Standard normal draws not tied to a time interval (the prior, exact target samples). */
    NDArray normal(NDManager manager, Shape event, DataType type);

    /** One U(0,1) draw per sample from the auxiliary stream. */
    double[] uniform();

    /** One U(0,1) draw shared by every sample of the run (the same for every batch). */
    double uniformShared();

    /**
     * Called by the run at the end of step {@code step} with the arrays it keeps for the next step: the new state
     * first, then the carried arrays, each once. Ordinary streams do nothing. A stream whose rows are not samples
     * may rewrite these arrays in place (same shape and type), as long as what the rest of the run computes from
     * them stays what it means for that stream: the exact evaluator's probe stream uses it to collapse the probe
     * rows of past draws (DESIGN.md, "Exact evaluation").
     */
    default void stepEnded(int step, List<NDArray> kept) {
    }
}
