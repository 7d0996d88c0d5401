package org.difflab.theory.montecarlo;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Squared sliced 2-Wasserstein distance SW2^2(P, Q) = E_theta W2^2(theta#P, theta#Q), theta uniform on the unit
 * sphere (Rabin et al. 2011; Bonneel et al. 2015): each projection is a 1-D problem solved exactly by sorted
 * quantile matching ({@link QuantileCoupling}). The estimate is the mean over seeded random directions; its
 * standard error is the spread over directions only (the samples are shared by all directions, so the sampling
 * error of the two sample sets is not in it). For isotropic Gaussians N(m1 1, s1^2 I) and N(m2 1, s2^2 I),
 * SW2^2 = (m1 - m2)^2 + (s1 - s2)^2 in every dimension; in 1-D it is W2^2.
 */
public final class SlicedWasserstein2 implements SampleMetric {
    private final int directions;
    private final long seed;

    /** With this many random directions (>= 2) drawn from {@code seed}. */
    public SlicedWasserstein2(int directions, long seed) {
        if (directions < 2) {
            throw new IllegalArgumentException("directions = " + directions + " is not allowed: must be >= 2 (a standard error needs 2)");
        }
        this.directions = directions;
        this.seed = seed;
    }

    @Override
    public String name() {
        return "slicedW2sq";
    }

    @Override
    public Estimate between(double[][] x, double[][] y) {
        int d = SampleRows.checkPair(x, y);
        SplittableRandom rng = new SplittableRandom(seed);
        double[] values = new double[directions];
        double[] theta = new double[d];
        for (int l = 0; l < directions; l++) {
            UnitDirection.draw(rng, theta);
            values[l] = QuantileCoupling.cost(project(x, theta), project(y, theta), 2);
        }
        double mean = Arrays.stream(values).sum() / directions;
        return new Estimate(mean, Bootstrap.sd(values) / Math.sqrt(directions),
                String.format("sliced W2^2, %d directions (seed %d), n = %d vs %d; se over directions", directions, seed, x.length, y.length));
    }

    private static double[] project(double[][] rows, double[] theta) {
        double[] p = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            double s = 0;
            for (int j = 0; j < theta.length; j++) {
                s += rows[i][j] * theta[j];
            }
            p[i] = s;
        }
        Arrays.sort(p);
        return p;
    }
}
