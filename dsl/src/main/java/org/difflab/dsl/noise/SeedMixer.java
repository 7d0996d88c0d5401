package org.difflab.dsl.noise;

/**
 * Derives independent 64-bit seeds from (seed, index, stream) tuples with the SplitMix64 finaliser
 * (Steele, Lea and Flood 2014), so each sample and each node of a Brownian tree gets its own stream.
 */
final class SeedMixer {
    private SeedMixer() {}

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long mix(long a, long b, long c) {
        return mix(mix(mix(a + 0x9e3779b97f4a7c15L) ^ b) + 0x9e3779b97f4a7c15L * (c + 1));
    }
}
