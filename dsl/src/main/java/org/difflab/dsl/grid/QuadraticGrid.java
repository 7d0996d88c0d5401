package org.difflab.dsl.grid;

import org.difflab.dsl.schedule.NoiseSchedule;

/** Points quadratic in time, finer near the data end (DDIM's "quad" skip, Song et al. 2021 appendix). */
public final class QuadraticGrid extends GridSpec {
    public QuadraticGrid(int steps, boolean finalJump) {
        super(steps, finalJump);
    }

    @Override
    public String name() {
        return "quadratic";
    }

    @Override
    public GridSpec endingAtTMin() {
        return new QuadraticGrid(steps(), false);
    }

    @Override
    public GridSpec withSteps(int steps) {
        return new QuadraticGrid(steps, finalJump());
    }

    @Override
    protected double[] points(NoiseSchedule s, int m) {
        double[] t = new double[m];
        for (int i = 0; i < m; i++) {
            double u = 1 - (double) i / (m - 1);
            t[i] = s.tMin() + (s.tMax() - s.tMin()) * u * u;
        }
        return t;
    }
}
