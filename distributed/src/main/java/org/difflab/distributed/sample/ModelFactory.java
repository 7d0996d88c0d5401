package org.difflab.distributed.sample;

import ai.djl.Device;
import java.io.Serializable;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseSchedule;

/**
 * How an executor gets the score model of a sampling job: a serializable recipe (a target spec, a network's file or
 * zoo name) that each task opens on its own JVM and closes after its range of samples, so no model is shared between
 * tasks running side by side.
 */
public interface ModelFactory extends Serializable {

    /** Opens the model for runs on this schedule and device. */
    Opened open(NoiseSchedule schedule, Device device);

    /**
     * Whether a sample's result is the same bits whatever batch it is computed in. False by default: a network's
     * convolutions sum in an order that depends on the batch size (measured on the UNet fixture: batches of 24, 16, 5 and
     * 1 give different last bits), so its partitions must be whole batches of the local run.
     */
    default boolean batchInvariant() {
        return false;
    }

    /** What it opens, for messages, e.g. {@code target gmm:preset=ring8}. */
    String describe();

    /** An open model, closed after use (frees a network's weights). */
    interface Opened extends AutoCloseable {
        ScoreModel model();

        @Override
        void close();

        /** A model with what closing it does. */
        static Opened of(ScoreModel model, Runnable close) {
            return new Opened() {
                @Override
                public ScoreModel model() {
                    return model;
                }

                @Override
                public void close() {
                    close.run();
                }
            };
        }
    }
}
