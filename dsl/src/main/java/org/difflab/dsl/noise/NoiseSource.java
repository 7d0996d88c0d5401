package org.difflab.dsl.noise;

/**
 * A seeded family of random numbers for a whole run. It opens a {@link NoiseStream} per batch; whether a
 * sample's numbers depend on the batch it lands in is the source's documented property ({@link #batchInvariant()}).
 */
public interface NoiseSource {

    /** Opens the stream for samples [first, first + size). */
    NoiseStream open(long first, int size);

    /** True when sample i receives the same numbers whatever the batch size and position. */
    boolean batchInvariant();

    /** The seed. */
    long seed();

    /** Short description, e.g. {@code per-sample(seed=42)}. */
    String describe();
}
