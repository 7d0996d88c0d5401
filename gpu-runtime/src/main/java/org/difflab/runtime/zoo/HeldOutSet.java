package org.difflab.runtime.zoo;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;
import org.difflab.dsl.Require;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.tensor.RowReductions;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.data.TrainingImages;

/**
 * Held-out noised images for judging trained networks: the first {@code count} held-out images of a data set
 * ({@link TrainingImages#heldOutImages}: none of them is a training image), one fixed Gaussian noise per image and one fixed time per image (drawn as the trainer draws
 * them: uniform, integers on a discrete schedule). The same set serves every model, so losses and level differences
 * of different widths are measured on identical inputs. An immutable value (a record): {@link #of} fills its arrays,
 * nothing writes them afterwards.
 */
record HeldOutSet(NoiseSchedule schedule, int channels, int size, int count, float[] images, float[] noise, double[] times) {
    /** Seed of the held-out noises and times; training runs use small seeds. */
    static final long SEED = 0x68656c646f7574L;
    private static final int BATCH = 64;

    /** {@code count} held-out images of {@code data}, noised on {@code schedule}. */
    static HeldOutSet of(NoiseSchedule schedule, TrainingImages data, int count) {
        Require.notNull("schedule", schedule);
        Require.notNull("data", data);
        Require.positive("count", count);
        float[] images = data.heldOutImages(count);
        UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(SEED);
        ZigguratSampler.NormalizedGaussian gaussian = ZigguratSampler.NormalizedGaussian.of(rng);
        float[] noise = new float[images.length];
        for (int k = 0; k < noise.length; k++) {
            noise[k] = (float) gaussian.sample();
        }
        double[] times = new double[count];
        double lo = schedule.tMin();
        double hi = schedule.tMax();
        for (int i = 0; i < count; i++) {
            times[i] = schedule.discrete() ? lo + rng.nextLong((long) (hi - lo) + 1) : lo + (hi - lo) * rng.nextDouble();
        }
        return new HeldOutSet(schedule, data.channels(), data.size(), count, images, noise, times);
    }

    /**
     * The denoising loss of a noise-predicting (EPS) model: mean over images and pixels of |eps - eps_model(x_t, t)|^2,
     * each image at its own time.
     */
    double loss(ScoreModel model) {
        Require.notNull("model", model);
        double sum = 0;
        try (NDManager manager = DiffLabRuntime.engine().newBaseManager()) {
            for (int first = 0; first < count; first += BATCH) {
                int rows = Math.min(BATCH, count - first);
                try (NDManager scratch = manager.newSubManager()) {
                    NoiseLevel[] levels = new NoiseLevel[rows];
                    for (int r = 0; r < rows; r++) {
                        levels[r] = schedule.level(times[first + r]);
                    }
                    NDArray x = noised(scratch, first, rows, levels);
                    NDArray eps = scratch.create(slice(noise, first, rows), shape(rows));
                    sum += total(RowReductions.sumsOfSquares(eps(model, x, levels).sub(eps)));
                }
            }
        }
        return sum / ((double) count * pixels());
    }

    /**
     * The mean over images and pixels of |eps_a(x_t, t) - eps_b(x_t, t)|^2 with every image noised at the one time t:
     * how far apart two noise-predicting (EPS) networks are at that noise level.
     */
    double difference(ScoreModel a, ScoreModel b, double t) {
        Require.notNull("a", a);
        Require.notNull("b", b);
        NoiseLevel[] level = {schedule.level(t)};
        double sum = 0;
        try (NDManager manager = DiffLabRuntime.engine().newBaseManager()) {
            for (int first = 0; first < count; first += BATCH) {
                int rows = Math.min(BATCH, count - first);
                try (NDManager scratch = manager.newSubManager()) {
                    NDArray x = noised(scratch, first, rows, level);
                    sum += total(RowReductions.sumsOfSquares(eps(a, x, level).sub(eps(b, x, level))));
                }
            }
        }
        return sum / ((double) count * pixels());
    }

    /** The rows' values summed in row order (with per-row sums from {@link RowReductions}: independent of the thread count). */
    private static double total(double[] rows) {
        double sum = 0;
        for (double v : rows) {
            sum += v;
        }
        return sum;
    }

    private static NDArray eps(ScoreModel model, NDArray x, NoiseLevel[] levels) {
        if (model.parameterization() != Parameterization.EPS) {
            throw new IllegalArgumentException("model " + model.describe() + " predicts " + model.parameterization()
                    + ", which is not allowed here: held-out losses compare noise predictions (EPS)");
        }
        return model.predict(x, levels);
    }

    private NDArray noised(NDManager manager, int first, int rows, NoiseLevel[] levels) {
        int per = pixels();
        float[] x = new float[rows * per];
        for (int r = 0; r < rows; r++) {
            NoiseLevel level = levels[levels.length == 1 ? 0 : r];
            for (int k = r * per; k < (r + 1) * per; k++) {
                int source = first * per + k;
                x[k] = (float) (level.alpha() * images[source] + level.sigma() * noise[source]);
            }
        }
        return manager.create(x, shape(rows));
    }

    private float[] slice(float[] values, int first, int rows) {
        float[] out = new float[rows * pixels()];
        System.arraycopy(values, first * pixels(), out, 0, out.length);
        return out;
    }

    private Shape shape(int rows) {
        return new Shape(rows, channels, size, size);
    }

    private int pixels() {
        return channels * size * size;
    }
}
