package org.difflab.dsl.observe;

import java.util.ArrayList;
import java.util.List;

/** Records the state after every k-th step as double arrays (row-major [B, event...]), with its time. */
public final class TrajectoryCapture implements StepObserver {
    private final int every;
    private final List<double[]> states = new ArrayList<>();
    private final List<Double> times = new ArrayList<>();

    public TrajectoryCapture(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every = " + every + " is not allowed: must be an integer >= 1");
        }
        this.every = every;
    }

    @Override
    public void onStep(StepEvent e) {
        if ((e.step() + 1) % every == 0 || e.step() == e.steps() - 1) {
            states.add(e.state().toType(ai.djl.ndarray.types.DataType.FLOAT64, false).toDoubleArray());
            times.add(e.tNext());
        }
    }

    /** States in order of capture. */
    public List<double[]> states() {
        return states;
    }

    /** The time of each captured state. */
    public List<Double> times() {
        return times;
    }
}
