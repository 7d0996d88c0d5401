package org.difflab.dsl.schedule;

/**
 * A variance-exploding forward SDE dx = g(t) dW: alpha = 1 and no drift, so that only sigma(t) and g(t)^2 are the
 * schedule's own (Song et al. 2021's VE SDE, {@link VeSchedule}; EDM's sigma(t) = t, Karras et al. 2022 Table 1,
 * {@link EdmSchedule}).
 */
abstract class ExplodingSchedule extends ContinuousSchedule {

    ExplodingSchedule(String name, String lowName, double low, String highName, double high, double eps) {
        super(name, lowName, low, highName, high, eps);
    }

    ExplodingSchedule(String name, String lowName, double low, String highName, double high) {
        super(name, lowName, low, highName, high);
    }

    @Override
    public final double alpha(double t) {
        checkTime(t);
        return 1;
    }

    @Override
    public final double drift(double t) {
        return 0;
    }
}
