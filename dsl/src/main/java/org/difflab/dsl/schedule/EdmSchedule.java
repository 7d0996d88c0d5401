package org.difflab.dsl.schedule;

/**
 * The EDM parameterisation of Karras et al. (2022, Table 1): alpha = 1, sigma(t) = t, so the probability-flow
 * ODE is dx/dsigma = (x - D(x))/sigma; t runs over [0, smax] and models are evaluated down to smin.
 * Use it with {@code Grids.karras(n, 7)}.
 */
public final class EdmSchedule extends ExplodingSchedule {

    public EdmSchedule(double smin, double smax) {
        super("edm", "smin", smin, "smax", smax);
    }

    // alike VeSchedule in shape only: EDM's sigma(t) = t on [smin, smax], not VE's geometric sigma on [0, 1]
    @Override
    public double sigma(double t) {
        checkTime(t);
        return t;
    }

    @Override
    public double diffusionSquared(double t) {
        checkTime(t);
        return 2 * t;
    }

    @Override
    public double timeOfLambda(double lambda) {
        return Math.exp(-lambda);
    }
}
