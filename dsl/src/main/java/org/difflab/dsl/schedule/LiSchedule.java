package org.difflab.dsl.schedule;

import org.difflab.dsl.Require;

/**
 * The "learning-rate" schedule of Li, Wei, Chen and Chi (2023, eq. 22): beta_1 = T^-c0,
 * beta_{t+1} = (c1 ln T / T) min{beta_1 (1 + c1 ln T / T)^t, 1}.
 * The papers only ask c0, c1 to be "large enough"; defaults c0 = 2, c1 = 6 (SAMPLERS.md section 2).
 * Errors for this family are measured against law(X_1), so its grids end at t = 1.
 */
public final class LiSchedule extends DiscreteSchedule {

    public LiSchedule(int steps, double c0, double c1) {
        super("li", ",c0=" + c0 + ",c1=" + c1, betas(steps, c0, c1));
    }

    private static double[] betas(int steps, double c0, double c1) {
        Require.inRange("T", steps, 3, 10_000_000);
        Require.positive("c0", c0);
        Require.positive("c1", c1);
        double rate = c1 * Math.log(steps) / steps;
        if (!(rate < 1)) {
            throw new IllegalArgumentException("c1 = " + c1 + " is not allowed with T = " + steps
                    + ": c1 ln T / T must be < 1, so c1 must be < " + steps / Math.log(steps));
        }
        double[] b = new double[steps];
        b[0] = Math.pow(steps, -c0);
        for (int t = 1; t < steps; t++) {
            b[t] = rate * Math.min(b[0] * Math.pow(1 + rate, t), 1);
        }
        return b;
    }
}
