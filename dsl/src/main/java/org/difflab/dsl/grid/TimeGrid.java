package org.difflab.dsl.grid;

import java.util.Arrays;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;

/**
 * The decreasing sampling times t_0 = tMax > t_1 > ... > t_n of one run on one schedule.
 * Step i goes from t_i to t_{i+1}; a grid that ends at t = 0 takes a final jump to clean data.
 */
public final class TimeGrid {
    private final NoiseSchedule schedule;
    private final double[] times;
    private final NoiseLevel[] levels;

    public TimeGrid(NoiseSchedule schedule, double[] times) {
        this.schedule = schedule;
        if (times.length < 2) {
            throw new IllegalArgumentException("grid has " + times.length + " time points, which is not allowed: needs at least 2");
        }
        for (int i = 0; i < times.length; i++) {
            if (!(times[i] >= 0 && times[i] <= schedule.tMax())) {
                throw new IllegalArgumentException("grid time t_" + i + " = " + times[i] + " is not allowed: must lie in [0, "
                        + schedule.tMax() + "] for schedule " + schedule.spec());
            }
            if (i > 0 && !(times[i] < times[i - 1])) {
                throw new IllegalArgumentException("grid time t_" + i + " = " + times[i] + " is not allowed: times must decrease strictly (t_"
                        + (i - 1) + " = " + times[i - 1] + ")");
            }
        }
        this.times = times.clone();
        this.levels = new NoiseLevel[times.length];
        for (int i = 0; i < times.length; i++) {
            levels[i] = schedule.level(times[i]);
        }
    }

    public NoiseSchedule schedule() {
        return schedule;
    }

    /** Number of steps n (time points minus one). */
    public int steps() {
        return times.length - 1;
    }

    /** t_i for i = 0..n. */
    public double t(int i) {
        return times[i];
    }

    /** The noise level at t_i. */
    public NoiseLevel level(int i) {
        return levels[i];
    }

    /** Time of the last point: the noise level the samples come out at (0 = clean data). */
    public double end() {
        return times[times.length - 1];
    }

    /** A copy of the times. */
    public double[] times() {
        return times.clone();
    }

    @Override
    public String toString() {
        return "TimeGrid[" + steps() + " steps on " + schedule.spec() + ": "
                + (times.length <= 8 ? Arrays.toString(times) : times[0] + ", " + times[1] + ", ..., " + times[times.length - 1]) + "]";
    }
}
