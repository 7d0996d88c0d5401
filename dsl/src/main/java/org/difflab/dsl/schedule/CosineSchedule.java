package org.difflab.dsl.schedule;

import org.difflab.dsl.Require;

/**
 * Cosine schedule of Nichol and Dhariwal (2021, eq. 17): abar(t) = f(t)/f(0), f(t) = cos^2(((t/T + s)/(1 + s)) pi/2),
 * betas clipped at 0.999 as in the paper.
 */
public final class CosineSchedule extends DiscreteSchedule {

    public CosineSchedule(int steps, double offset) {
        super("cosine", ",s=" + offset, betas(steps, offset));
    }

    private static double[] betas(int steps, double s) {
        Require.inRange("T", steps, 2, 10_000_000);
        Require.inRange("s", s, 0, 1);
        double[] b = new double[steps];
        for (int k = 1; k <= steps; k++) {
            b[k - 1] = Math.min(0.999, 1 - f(k, steps, s) / f(k - 1, steps, s));
        }
        return b;
    }

    private static double f(int t, int steps, double s) {
        double c = Math.cos(((double) t / steps + s) / (1 + s) * Math.PI / 2);
        return c * c;
    }
}
