package org.difflab.dsl.grid;

import org.difflab.dsl.schedule.NoiseSchedule;

/** Points equally spaced in time (DDIM's "uniform" skip; on DDPM-1000 with 1000 steps, the full chain). */
public final class UniformGrid extends GridSpec {
    public UniformGrid(int steps, boolean finalJump) {
        super(steps, finalJump);
    }

    @Override
    public String name() {
        return "uniform";
    }

    @Override
    public GridSpec endingAtTMin() {
        return new UniformGrid(steps(), false);
    }

    @Override
    public GridSpec withSteps(int steps) {
        return new UniformGrid(steps, finalJump());
    }

    @Override
    protected double[] points(NoiseSchedule s, int m) {
        double[] t = new double[m];
        for (int i = 0; i < m; i++) {
            t[i] = s.tMax() + (s.tMin() - s.tMax()) * i / (m - 1);
        }
        return t;
    }
}
