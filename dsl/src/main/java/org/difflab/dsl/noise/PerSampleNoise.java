package org.difflab.dsl.noise;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.difflab.dsl.tensor.HostValues;

/**
 * One independent generator per sample (XoRoShiRo128++ from Commons RNG, seeded from (seed, sample index)),
 * Gaussians by the ziggurat method. Sample i gets the same numbers at any batch size and position: the
 * basis of the bit-for-bit reproducibility promise.
 */
public final class PerSampleNoise extends SeededNoise {
    private static final long GAUSSIAN = 1;
    private static final long AUXILIARY = 2;
    private static final long SHARED = 3;

    public PerSampleNoise(long seed) {
        super(seed, true, "per-sample(seed=" + seed + ")");
    }

    @Override
    public NoiseStream open(long first, int size) {
        return new Stream(first, size);
    }

    private UniformRandomProvider provider(long index, long stream) {
        return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] {
                SeedMixer.mix(seed, index, stream), SeedMixer.mix(index, seed, stream + 17)});
    }

    private final class Stream extends BatchStream {
        private final ZigguratSampler.NormalizedGaussian[] gaussians;
        private final UniformRandomProvider[] auxiliary;
        private final UniformRandomProvider shared;

        Stream(long first, int size) {
            super(first, size);
            gaussians = new ZigguratSampler.NormalizedGaussian[size];
            auxiliary = new UniformRandomProvider[size];
            for (int i = 0; i < size; i++) {
                gaussians[i] = ZigguratSampler.NormalizedGaussian.of(provider(first + i, GAUSSIAN));
                auxiliary[i] = provider(first + i, AUXILIARY);
            }
            shared = provider(-1, SHARED);
        }

        /**
         * The draws of every row, rounded once to the requested type: float32 draws go straight into a float array (as
         * {@code (float)} of the double draw, what a float64 array's conversion gives), a pass and half the memory less.
         */
        @Override
        public NDArray normal(NDManager manager, Shape event, DataType type) {
            int per = Math.toIntExact(event.size());
            if (type == DataType.FLOAT32) {
                float[] f = new float[size() * per];
                for (int i = 0; i < size(); i++) {
                    ZigguratSampler.NormalizedGaussian g = gaussians[i];
                    for (int j = 0; j < per; j++) {
                        f[i * per + j] = (float) g.sample();
                    }
                }
                return HostValues.of(manager, f, new Shape(size()).addAll(event));
            }
            double[] v = new double[size() * per];
            for (int i = 0; i < size(); i++) {
                ZigguratSampler.NormalizedGaussian g = gaussians[i];
                for (int j = 0; j < per; j++) {
                    v[i * per + j] = g.sample();
                }
            }
            return Rows.tensor(manager, v, size(), event, type);
        }

        @Override
        public double[] uniform() {
            double[] u = new double[size()];
            for (int i = 0; i < size(); i++) {
                u[i] = auxiliary[i].nextDouble();
            }
            return u;
        }

        @Override
        public double uniformShared() {
            return shared.nextDouble();
        }
    }
}
