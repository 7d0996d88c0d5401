package org.difflab.dsl.schedule;

/**
 * Latent-diffusion "scaled linear" schedule: sqrt(beta_t) linear from sqrt(b0) to sqrt(b1)
 * (Rombach et al. 2022; defaults 0.00085..0.012 over 1000 steps, as in Stable Diffusion).
 */
public final class SqrtLinearSchedule extends DiscreteSchedule {

    public SqrtLinearSchedule(double b0, double b1, int steps) {
        super("sqrtlinear", ",b0=" + b0 + ",b1=" + b1, betas(b0, b1, steps));
    }

    private static double[] betas(double b0, double b1, int steps) {
        requireBetaRange(b0, b1, steps);
        double[] b = linearRamp(Math.sqrt(b0), Math.sqrt(b1), steps); // sqrt(beta) linear
        for (int k = 0; k < steps; k++) {
            b[k] = b[k] * b[k];
        }
        return b;
    }
}
