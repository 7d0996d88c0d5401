package org.difflab.dsl.noise;

/**
 * A noise source that states its seed, its batch invariance and its description once, in its constructor, so that its
 * file holds only how it draws ({@link PerSampleNoise}, {@link BrownianPathNoise}, {@link EngineNoise}).
 */
abstract class SeededNoise implements NoiseSource {
    /** The seed, as {@link #seed()} returns it. */
    protected final long seed;
    private final boolean batchInvariant;
    private final String description;

    /**
     * @param batchInvariant whether sample i receives the same numbers whatever the batch size and position
     * @param description    the short description, e.g. {@code per-sample(seed=42)}
     */
    SeededNoise(long seed, boolean batchInvariant, String description) {
        this.seed = seed;
        this.batchInvariant = batchInvariant;
        this.description = description;
    }

    @Override
    public final boolean batchInvariant() {
        return batchInvariant;
    }

    @Override
    public final long seed() {
        return seed;
    }

    @Override
    public final String describe() {
        return description;
    }
}
