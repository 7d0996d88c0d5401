package org.difflab.dsl.noise;

/** Factory of the noise sources. */
public final class NoiseSources {
    private NoiseSources() {}

    /** Per-sample streams: batch invariant, the default. */
    public static NoiseSource perSample(long seed) {
        return new PerSampleNoise(seed);
    }

    /** The engine's generator: fast, not batch invariant. */
    public static NoiseSource engine(long seed) {
        return new EngineNoise(seed);
    }

    /** A Brownian path on [0, span] resolved to span * 2^-30, for strong-error studies. */
    public static NoiseSource brownianPath(long seed, double span) {
        return new BrownianPathNoise(seed, span, 30);
    }
}
