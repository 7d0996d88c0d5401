package org.difflab.distributed.sample;

import java.io.Serializable;

/**
 * What a distributed sampling run draws, as plain values (it travels to the executors): the model's recipe, the
 * schedule, integrator and grid specs, the step count, the seed of the per-sample noise, the batch size within a
 * partition, the float type and the device.
 */
public record SampleJob(ModelFactory model, String schedule, String integrator, String grid, int steps, long seed, int batch, boolean float64,
                        String device) implements Serializable {

    public String describe() {
        return model.describe() + ", " + integrator + ", " + steps + " steps, seed " + seed;
    }
}
