package org.difflab.dsl.schedule;

import org.difflab.dsl.Require;

/**
 * A schedule of a continuous-time forward SDE ({@link VpSchedule}, {@link VeSchedule}, {@link EdmSchedule}) set by a
 * pair of positive parameters low &lt; high: it states its name and their names once, in its constructor, and then only
 * its SDE (alpha, sigma, drift and diffusion). The spec and the time range follow from them.
 */
abstract class ContinuousSchedule implements NoiseSchedule {
    private final String name;
    private final String spec;
    private final double low;
    private final double high;
    private final double tMin;
    private final double tMax;
    private final String interval; // the times allowed, as error messages write them

    /**
     * A schedule on t in [0, 1] whose models are evaluated down to t = eps (Song et al. 2021's VP and VE SDEs); spec
     * {@code name:low=..,high=..,eps=..}.
     *
     * @param eps in (0, 0.5]
     */
    ContinuousSchedule(String name, String lowName, double low, String highName, double high, double eps) {
        this(name, lowName, low, highName, high, ",eps=" + eps, eps, 1, "[0, 1]");
        Require.inRange("eps", eps, Double.MIN_VALUE, 0.5);
    }

    /** A schedule on t in [0, high] whose models are evaluated down to t = low (EDM's sigma range); spec {@code name:low=..,high=..}. */
    ContinuousSchedule(String name, String lowName, double low, String highName, double high) {
        this(name, lowName, low, highName, high, "", low, high, "[0, " + high + "]");
    }

    private ContinuousSchedule(String name, String lowName, double low, String highName, double high, String rest, double tMin,
            double tMax, String interval) {
        Require.positive(lowName, low);
        Require.positive(highName, high);
        Require.less(lowName, low, highName, high);
        this.name = name;
        this.spec = name + ":" + lowName + "=" + low + "," + highName + "=" + high + rest;
        this.low = low;
        this.high = high;
        this.tMin = tMin;
        this.tMax = tMax;
        this.interval = interval;
    }

    /** The low parameter of the pair (VP's bmin, VE's and EDM's smin), as the constructor checked it. */
    protected final double low() {
        return low;
    }

    /** The high parameter of the pair (VP's bmax, VE's and EDM's smax). */
    protected final double high() {
        return high;
    }

    /** Throws unless t lies in [0, tMax]. */
    protected final void checkTime(double t) {
        if (!(t >= 0 && t <= tMax)) {
            throw new IllegalArgumentException("t = " + t + " is not allowed: must lie in " + interval);
        }
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String spec() {
        return spec;
    }

    @Override
    public final double tMax() {
        return tMax;
    }

    @Override
    public final double tMin() {
        return tMin;
    }

    @Override
    public final String toString() {
        return spec;
    }
}
