package org.difflab.theory.exact;

import org.difflab.dsl.noise.NoiseSource;
import org.difflab.dsl.noise.NoiseStream;

/**
 * What the probe noises of the exact evaluators share ({@link ProbeNoise} for diffusion runs, the Langevin step probe):
 * a stream that is its own source and serves exactly one whole batch (first = 0, its own size), since a probe feeds chosen
 * draws into one run to read the run's affine map off; it is not batch invariant.
 */
public abstract class WholeBatchProbe implements NoiseSource, NoiseStream {

    @Override
    public long first() {
        return 0;
    }

    @Override
    public NoiseStream open(long first, int size) {
        if (first != 0 || size != size()) {
            throw new IllegalArgumentException("open(first = " + first + ", size = " + size + ") is not allowed: this probe stream serves "
                    + "exactly first = 0, size = " + size());
        }
        return this;
    }

    @Override
    public boolean batchInvariant() {
        return false;
    }
}
