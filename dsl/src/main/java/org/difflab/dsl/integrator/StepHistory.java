package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import java.util.ArrayDeque;
import java.util.Deque;
import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * The last few model outputs of a multistep sampler (linear multistep, iPNDM, UniPC), newest first, each with the noise
 * level it was taken at: the one place where a sampler keeps more than {@link SteppedIntegrator}'s single previous x0.
 * Holds at most {@code capacity} entries (pushing drops the oldest); {@link #arrays()} is what the sampler carries
 * through {@link RunContext#endStep} so that the kept outputs outlive the step's memory scope.
 */
public final class StepHistory {

    /** One model output and the noise level it was taken at. */
    public record Entry(NoiseLevel level, NDArray value) {
    }

    private final int capacity;
    private final Deque<Entry> entries = new ArrayDeque<>();

    /** An empty history of at most {@code capacity} (&gt;= 1) entries. */
    public StepHistory(int capacity) {
        Require.positive("capacity", capacity);
        this.capacity = capacity;
    }

    /** Adds the newest output, dropping the oldest when full. */
    public void push(NoiseLevel level, NDArray value) {
        entries.addFirst(new Entry(level, value));
        if (entries.size() > capacity) {
            entries.removeLast();
        }
    }

    /** Entries held, at most the capacity. */
    public int size() {
        return entries.size();
    }

    /** The k-th newest entry (k = 0: the latest push). */
    public Entry get(int k) {
        if (k < 0 || k >= entries.size()) {
            throw new IndexOutOfBoundsException("k = " + k + " is not allowed: 0 <= k < " + entries.size() + " (entries held)");
        }
        return entries.stream().skip(k).findFirst().orElseThrow();
    }

    /** The held outputs, newest first: pass them to {@link RunContext#endStep} as carried arrays. */
    public NDArray[] arrays() {
        return entries.stream().map(Entry::value).toArray(NDArray[]::new);
    }
}
