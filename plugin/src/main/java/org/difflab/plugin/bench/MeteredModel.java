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
    private long calls;
    private long rows;
    private long nanos;

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
        nanos += clock.stop(out).toNanos();
        calls++;
        rows += x.getShape().get(0);
        return out;
    }

    @Override
    public String describe() {
        return model.describe();
    }

    /** Calls since the last {@link #reset}. */
    public long calls() {
        return calls;
    }

    /** Rows of all calls since the last {@link #reset}. */
    public long rows() {
        return rows;
    }

    /** Wall time inside the model since the last {@link #reset}, in nanoseconds. */
    public long nanos() {
        return nanos;
    }

    /** Starts counting afresh. */
    public void reset() {
        calls = 0;
        rows = 0;
        nanos = 0;
    }
}
