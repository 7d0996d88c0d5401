package org.difflab.dsl.noise;

/**
 * A noise source seen from sample {@code offset} on: the run's sample i gets what the whole run's sample offset + i gets.
 * A partition of samples [offset, offset + size) drawn through it is the same bits as those samples of one local run,
 * since per-sample streams depend on the sample's global index only. Used by Spark partitions (distributed) and by the
 * conformance suite's samples drawn alone.
 */
public record OffsetNoise(NoiseSource source, long offset) implements NoiseSource {

    public OffsetNoise {
        if (!source.batchInvariant()) {
            throw new IllegalArgumentException("source = " + source.describe() + " is not allowed: partitions need a batch-invariant source "
                    + "(per-sample streams)");
        }
    }

    @Override
    public NoiseStream open(long first, int size) {
        return source.open(offset + first, size);
    }

    @Override
    public boolean batchInvariant() {
        return true;
    }

    @Override
    public long seed() {
        return source.seed();
    }

    @Override
    public String describe() {
        return source.describe() + " from sample " + offset;
    }
}
