package org.difflab.dsl.schedule;

/** DDPM linear beta schedule, beta_t linear from b0 to b1 over T steps (Ho et al. 2020, section 4: 1e-4..0.02, T = 1000). */
public final class LinearBetaSchedule extends DiscreteSchedule {

    public LinearBetaSchedule(double b0, double b1, int steps) {
        super("linear", ",b0=" + b0 + ",b1=" + b1, betas(b0, b1, steps));
    }

    private static double[] betas(double b0, double b1, int steps) {
        requireBetaRange(b0, b1, steps);
        return linearRamp(b0, b1, steps);
    }
}
