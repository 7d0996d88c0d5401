package org.difflab.theory.montecarlo;

import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * The interrupt check of the Monte Carlo metrics' long pure-Java loops (pairwise distances and kernels, O(n^2) in the
 * samples, and bootstrap resamples): seconds of work without a sampler step end, so Ctrl-C or a notebook's interrupt
 * would otherwise wait for them. As at the samplers' step ends, the flag is consumed and the computation stops with a
 * {@link CancellationException} saying where; nothing is kept, so the next call gives the same bits.
 */
public final class Interruption {
    private Interruption() {}

    /** Stops when the thread was interrupted; {@code where} says what was interrupted and where (built only then). */
    public static void stopIfInterrupted(Supplier<String> where) {
        if (Thread.interrupted()) {
            throw new CancellationException(where.get());
        }
    }
}
