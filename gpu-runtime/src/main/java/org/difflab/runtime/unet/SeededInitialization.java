package org.difflab.runtime.unet;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.difflab.dsl.InPlace;
import org.difflab.dsl.Require;

/**
 * Draws the parameters of an initialised DJL block from a stream seeded by one number, in the block's parameter order:
 * weights uniform in +-1/sqrt(fan-in) (PyTorch's default bound for convolutions and dense layers), GroupNorm's gamma 1,
 * biases and everything else 0. The same seed gives the same parameters bit for bit, whatever DJL's own initialisers
 * would have drawn.
 */
public final class SeededInitialization {
    private SeededInitialization() {}

    /** Overwrites every parameter of {@code block} (already initialised, so its arrays exist) from {@code seed}. */
    public static void apply(Block block, long seed) {
        Require.notNull("block", block);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(RandomSource.SPLIT_MIX_64.create(seed).nextLong());
        for (Pair<String, Parameter> p : block.getParameters()) {
            NDArray array = p.getValue().getArray();
            float[] values = new float[Math.toIntExact(array.size())];
            if (p.getValue().getType() == Parameter.Type.WEIGHT) {
                double bound = 1 / Math.sqrt(array.size() / array.getShape().get(0));
                for (int k = 0; k < values.length; k++) {
                    values[k] = (float) (bound * (2 * rng.nextDouble() - 1));
                }
            } else if (p.getValue().getType() == Parameter.Type.GAMMA) {
                Arrays.fill(values, 1f);
            }
            InPlace.overwrite(array, values);
        }
    }
}
