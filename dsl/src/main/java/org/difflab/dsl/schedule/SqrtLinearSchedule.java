package org.difflab.dsl.schedule;

/**
 * Latent-diffusion "scaled linear" schedule: sqrt(beta_t) linear from sqrt(b0) to sqrt(b1)
 * (Rombach et al. 2022; defaults 0.00085..0.012 over 1000 steps, as in Stable Diffusion).
 */
public final class SqrtLinearSchedule extends DiscreteSchedule {
    private final double b0;
    private final double b1;

    public SqrtLinearSchedule(double b0, double b1, int steps) {
        super(betas(b0, b1, steps));
        this.b0 = b0;
        this.b1 = b1;
    }

    private static double[] betas(double b0, double b1, int steps) {
        requireBetaRange(b0, b1, steps);
        double r0 = Math.sqrt(b0);
        double r1 = Math.sqrt(b1);
        double[] b = new double[steps];
        for (int k = 0; k < steps; k++) {
            double r = r0 + (r1 - r0) * k / (steps - 1);
            b[k] = r * r;
        }
        return b;
    }

    @Override
    public String name() {
        return "sqrtlinear";
    }

    @Override
    public String spec() {
        return "sqrtlinear:T=" + trainingSteps() + ",b0=" + b0 + ",b1=" + b1;
    }
}
