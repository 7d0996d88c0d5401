package org.difflab.dsl.grid;

import org.difflab.dsl.schedule.NoiseSchedule;

/** Points quadratic in time, finer near the data end (DDIM's "quad" skip, Song et al. 2021 appendix). */
public final class QuadraticGrid extends GridSpec {
    // alike UniformGrid in shape only: every rule is its constructor line and its own points (here t quadratic in i)
    public QuadraticGrid(int steps, boolean finalJump) {
        super("quadratic", steps, finalJump, QuadraticGrid::new);
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
