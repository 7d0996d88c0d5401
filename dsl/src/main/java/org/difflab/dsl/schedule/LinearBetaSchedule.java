package org.difflab.dsl.schedule;

/** DDPM linear beta schedule, beta_t linear from b0 to b1 over T steps (Ho et al. 2020, section 4: 1e-4..0.02, T = 1000). */
public final class LinearBetaSchedule extends DiscreteSchedule {
    private final double b0;
    private final double b1;

    public LinearBetaSchedule(double b0, double b1, int steps) {
        super(betas(b0, b1, steps));
        this.b0 = b0;
        this.b1 = b1;
    }

    private static double[] betas(double b0, double b1, int steps) {
        requireBetaRange(b0, b1, steps);
        double[] b = new double[steps];
        for (int k = 0; k < steps; k++) {
            b[k] = b0 + (b1 - b0) * k / (steps - 1);
        }
        return b;
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public String spec() {
        return "linear:T=" + trainingSteps() + ",b0=" + b0 + ",b1=" + b1;
    }
}
