package org.difflab.dsl.grid;

import java.util.Arrays;
import java.util.function.IntToDoubleFunction;
import org.difflab.dsl.schedule.DiscreteSchedule;
import org.difflab.dsl.schedule.NoiseSchedule;

/**
 * An explicit subset of the training indices of a discrete schedule (the "respacing" of improved DDPM),
 * visited in decreasing order, then (by default) a final jump to t = 0.
 */
public final class RespacedGrid extends GridSpec {
    private final int[] indices;

    public RespacedGrid(int[] indices, boolean finalJump) {
        super("respaced", finalJump ? indices.length : indices.length - 1, finalJump, (n, jump) -> new RespacedGrid(indices, jump));
        int[] sorted = indices.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 1 || (i > 0 && sorted[i] == sorted[i - 1])) {
                throw new IllegalArgumentException("indices contain " + sorted[i] + ", which is not allowed: indices must be distinct and >= 1");
            }
        }
        this.indices = sorted;
    }

    @Override
    public GridSpec withSteps(int steps) {
        throw new IllegalArgumentException("steps = " + steps + " is not allowed for a respaced grid: its " + indices.length
                + " indices fix the steps; build a new one with Grids.respaced(...)");
    }

    @Override
    public TimeGrid on(NoiseSchedule schedule) {
        if (!(schedule instanceof DiscreteSchedule d)) {
            throw new IllegalArgumentException("schedule = " + schedule.spec()
                    + " is not allowed for a respaced grid: it needs a discrete training schedule");
        }
        int n = indices.length;
        if (indices[n - 1] > d.trainingSteps()) {
            throw new IllegalArgumentException("index " + indices[n - 1] + " is not allowed: must be <= T = " + d.trainingSteps());
        }
        double[] t = new double[finalJump() ? n + 1 : n];
        for (int i = 0; i < n; i++) {
            t[i] = indices[n - 1 - i];
        }
        return new TimeGrid(schedule, t);
    }

    @Override
    protected IntToDoubleFunction point(NoiseSchedule schedule, int m) {
        throw new AssertionError("respaced grids place their own points");
    }
}
