package org.difflab.runtime.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.difflab.dsl.Require;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.runtime.DeviceClock;
import org.difflab.runtime.DiffLabRuntime;

/**
 * The cost of one evaluation of a score model: the median wall time, read by a {@link DeviceClock}, of one forward pass
 * on a fixed batch of standard normal inputs at one noise level. The median of several calls, after untimed warm-up
 * calls, resists the stray slow call of a shared machine; multilevel samplers use only ratios of such costs, so all
 * levels of a hierarchy are measured with the same batch, in one process.
 */
final class EvaluationCost {
    /** Rows of the timed batch. */
    static final int BATCH = 64;
    private static final int WARMUP = 2;
    private static final int REPEATS = 7;

    private EvaluationCost() {}

    /** Median seconds per evaluation of {@code model} on a batch of {@link #BATCH} rows at {@code level}. */
    static double medianSeconds(ScoreModel model, NoiseLevel level) {
        Require.notNull("model", model);
        Require.notNull("level", level);
        double[] seconds = new double[REPEATS];
        try (NDManager manager = DiffLabRuntime.engine().newBaseManager()) {
            Shape shape = new Shape(BATCH).addAll(model.eventShape());
            ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(
                    RandomSource.XO_RO_SHI_RO_128_PP.create(0L));
            float[] values = new float[Math.toIntExact(shape.size())];
            for (int k = 0; k < values.length; k++) {
                values[k] = (float) gaussian.sample();
            }
            NDArray x = manager.create(values, shape);
            for (int i = 0; i < WARMUP + REPEATS; i++) {
                try (NDManager scratch = manager.newSubManager()) {
                    DeviceClock clock = DeviceClock.start(x.getDevice());
                    NDArray out = model.predict(x, level);
                    out.attach(scratch);
                    double s = clock.stop(out).toNanos() * 1e-9;
                    if (i >= WARMUP) {
                        seconds[i - WARMUP] = s;
                    }
                }
            }
        }
        Arrays.sort(seconds);
        return seconds[REPEATS / 2];
    }
}
