package org.difflab.dsl.noise;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;

/**
 * The engine's own generator ({@code NDManager.randomNormal}), seeded at each batch: fast for large
 * tensors, reproducible for a fixed batch layout, but a sample's numbers depend on its batch and
 * position (DESIGN.md, DJL pitfalls), so it is not batch invariant.
 */
public final class EngineNoise extends SeededNoise {

    public EngineNoise(long seed) {
        super(seed, false, "engine(seed=" + seed + ")");
    }

    @Override
    public NoiseStream open(long first, int size) {
        Engine.getInstance().setRandomSeed((int) SeedMixer.mix(seed, first, 0));
        SplittableRandom aux = new SplittableRandom(SeedMixer.mix(seed, first, 1));
        SplittableRandom shared = new SplittableRandom(SeedMixer.mix(seed, -1, 2));
        return new BatchStream(first, size) {
            @Override
            public NDArray normal(NDManager manager, Shape event, DataType type) {
                return manager.randomNormal(0f, 1f, new Shape(size).addAll(event), type);
            }

            @Override
            public double[] uniform() {
                double[] u = new double[size];
                for (int i = 0; i < size; i++) {
                    u[i] = aux.nextDouble();
                }
                return u;
            }

            @Override
            public double uniformShared() {
                return shared.nextDouble();
            }
        };
    }
}
