package org.difflab.plugin.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.runtime.DeviceClock;

/**
 * A model that counts its calls and the rows they carried, and clocks them ({@link DeviceClock}: the device is
 * synchronised, so GPU time is billed to the call that queued it): what the benchmarks divide by to get the time spent
 * outside the network and the probe rows the exact evaluator pushes through it.
 */
public final class MeteredModel implements ScoreModel {
    // alike MutatedNoise and UNetConfig in form only (overrides passing a wrapped value on, counters read back): what it adds is the timing in predict
    private final ScoreModel model;
    private Reading reading = Reading.NONE;

    /**
     * What the meter read since the last {@link #reset}: calls, the rows they carried, and the wall time inside the model.
     *
     * @param calls calls of {@link #predict}
     * @param rows  rows of all those calls
     * @param nanos wall time inside the model, in nanoseconds
     */
    public record Reading(long calls, long rows, long nanos) {
        static final Reading NONE = new Reading(0, 0, 0);

        Reading plus(long callRows, long callNanos) {
            return new Reading(calls + 1, rows + callRows, nanos + callNanos);
        }
    }

    public MeteredModel(ScoreModel model) {
        if (model == null) {
            throw new IllegalArgumentException("model is null, which is not allowed");
        }
        this.model = model;
    }

    @Override
    public Parameterization parameterization() {
        return model.parameterization();
    }

    @Override
    public Shape eventShape() {
        return model.eventShape();
    }

    @Override
    public NDArray predict(NDArray x, NoiseLevel level) {
        DeviceClock clock = DeviceClock.start(x.getDevice());
        NDArray out = model.predict(x, level);
        reading = reading.plus(x.getShape().get(0), clock.stop(out).toNanos());
        return out;
    }

    @Override
    public String describe() {
        return model.describe();
    }

    /** The counts since the last {@link #reset}. */
    public Reading reading() {
        return reading;
    }

    /** Starts counting afresh. */
    public void reset() {
        reading = Reading.NONE;
    }
}
