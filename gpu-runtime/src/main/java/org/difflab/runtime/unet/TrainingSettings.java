package org.difflab.runtime.unet;

import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.torchscript.TimeConvention;

/**
 * How a {@link UNetTrainer} trains: the forward process (schedule) and how the network reads its time, the batch size,
 * Adam's learning rate, the EMA decay, and two seeds: {@code initSeed} fixes the initial weights, {@code dataSeed} the
 * images of every iteration and their times and noises.
 *
 * @param schedule     the forward process x_t = alpha(t) x0 + sigma(t) eps; times are drawn uniformly, as integers
 *                     1..N on a discrete schedule
 * @param time         the network time of a noise level (for DDPM schedules: {@code TimeConvention.trainingIndex(N)})
 * @param batchSize    images per iteration, in [1, 4096]
 * @param learningRate Adam's learning rate, in (0, 1]
 * @param emaDecay     the EMA decay, in [0, 1)
 * @param initSeed     seed of the initial weights
 * @param dataSeed     seed of the images, times and noises
 */
public record TrainingSettings(NoiseSchedule schedule, TimeConvention time, int batchSize, double learningRate,
        double emaDecay, long initSeed, long dataSeed) {

    public TrainingSettings {
        Require.notNull("schedule", schedule);
        Require.notNull("time", time);
        Require.inRange("batchSize", batchSize, 1, 4096);
        if (!(learningRate > 0 && learningRate <= 1)) {
            throw new IllegalArgumentException("learningRate = " + learningRate + " is not allowed: must lie in (0, 1]");
        }
        if (!(emaDecay >= 0 && emaDecay < 1)) {
            throw new IllegalArgumentException("emaDecay = " + emaDecay + " is not allowed: must lie in [0, 1)");
        }
        time.networkTime(schedule.level(schedule.tMin()));
        time.networkTime(schedule.level(schedule.tMax()));
    }

    /**
     * DDPM (Ho et al. 2020): linear betas 1e-4..0.02 over 1000 steps, network time = index 0..999, batch 32, learning
     * rate 1e-3 (the small networks here train faster than Ho et al.'s 2e-4), EMA decay 0.999, seeds 1 and 2.
     */
    public static TrainingSettings ddpm() {
        return new TrainingSettings(Schedules.ddpm(), TimeConvention.trainingIndex(1000), 32, 1e-3, 0.999, 1, 2);
    }

    /** These settings with another batch size. */
    public TrainingSettings withBatchSize(int batchSize) {
        return new TrainingSettings(schedule, time, batchSize, learningRate, emaDecay, initSeed, dataSeed);
    }

    /** These settings with another learning rate. */
    public TrainingSettings withLearningRate(double learningRate) {
        return new TrainingSettings(schedule, time, batchSize, learningRate, emaDecay, initSeed, dataSeed);
    }

    /** These settings with another EMA decay. */
    public TrainingSettings withEmaDecay(double emaDecay) {
        return new TrainingSettings(schedule, time, batchSize, learningRate, emaDecay, initSeed, dataSeed);
    }

    /** These settings with other seeds. */
    public TrainingSettings withSeeds(long initSeed, long dataSeed) {
        return new TrainingSettings(schedule, time, batchSize, learningRate, emaDecay, initSeed, dataSeed);
    }
}
