package org.difflab.dsl.schedule;

import org.difflab.dsl.Require;

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
        Require.inRange("T", steps, 2, 10_000_000);
        Require.inRange("b0", b0, Double.MIN_VALUE, 0.999);
        Require.inRange("b1", b1, Double.MIN_VALUE, 0.999);
        if (b0 > b1) {
            throw new IllegalArgumentException("b0 = " + b0 + " is not allowed with b1 = " + b1 + ": must be at most b1 (the betas "
                    + "grow from b0 to b1, the signal falling slowly first, as in DDPM; swap them)");
        }
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
