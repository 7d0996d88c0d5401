package org.difflab.runtime.data;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.difflab.dsl.Require;

/**
 * The order in which training visits a data set of n samples: epoch e (positions e n .. e n + n - 1) visits every
 * sample once, in a permutation drawn by Commons RNG's Fisher-Yates shuffle from a stream seeded by (seed, e). Position
 * p always names the same sample for the same seed, so a run that takes batches of any size from consecutive positions
 * sees the same samples in the same order, bit for bit.
 *
 * <p>Not thread-safe: it keeps the permutation of the last epoch asked for.
 */
public final class SeededOrder {
    private final int size;
    private final long seed;
    private long cachedEpoch = -1;
    private int[] permutation;

    private SeededOrder(int size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    /** The order of {@code size} samples (>= 1) fixed by {@code seed}. */
    public static SeededOrder of(int size, long seed) {
        Require.positive("size", size);
        return new SeededOrder(size, seed);
    }

    /** Number of samples per epoch. */
    public int size() {
        return size;
    }

    /** The sample visited at {@code position} (>= 0). */
    public int sample(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("position = " + position + " is not allowed: must be >= 0");
        }
        return epoch(position / size)[(int) (position % size)];
    }

    /** The samples at positions {@code first} .. {@code first + count - 1}. */
    public int[] samples(long first, int count) {
        Require.positive("count", count);
        if (first < 0 || first > Long.MAX_VALUE - count) {
            throw new IllegalArgumentException("first = " + first + " is not allowed: must be >= 0 (and first + count must fit a long)");
        }
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            out[k] = sample(first + k);
        }
        return out;
    }

    private int[] epoch(long epoch) {
        if (epoch != cachedEpoch) {
            UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(
                    RandomSource.SPLIT_MIX_64.create(RandomSource.SPLIT_MIX_64.create(seed).nextLong() + epoch).nextLong());
            permutation = PermutationSampler.natural(size);
            PermutationSampler.shuffle(rng, permutation);
            cachedEpoch = epoch;
        }
        return permutation;
    }
}
