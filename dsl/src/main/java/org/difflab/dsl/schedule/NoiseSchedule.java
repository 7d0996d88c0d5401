package org.difflab.dsl.schedule;

/**
 * The forward process x_t = alpha(t) x_0 + sigma(t) z of a diffusion model (DESIGN.md, core concepts).
 *
 * <p>Time runs from 0 (clean data: alpha = 1, sigma = 0) to {@link #tMax()} (the prior end). Discrete
 * DDPM schedules use training indices as time (0..N) and interpolate ln(alpha^2) linearly between indices,
 * so that continuous-time integrators (Euler-Maruyama, probability-flow Euler) can run on them too;
 * the drift and diffusion coefficients below are the derivatives of that interpolation.
 * {@link #tMin()} is the smallest positive time a model is trained at: grids end there before a final
 * jump to 0.
 */
public interface NoiseSchedule {

    /** Short name, as in a spec string ({@code linear}, {@code li}, {@code vp}, ...). */
    String name();

    /** The spec string that rebuilds this schedule, e.g. {@code linear:T=1000,b0=1.0E-4,b1=0.02}. */
    String spec();

    /** Largest time; the chain starts there from the prior. */
    double tMax();

    /** Smallest positive time at which a model is evaluated. */
    double tMin();

    /** Signal scale alpha(t). */
    double alpha(double t);

    /** Noise scale sigma(t). */
    double sigma(double t);

    /** f(t) = d ln alpha / dt, the drift coefficient of the forward SDE dx = f x dt + g dW. */
    double drift(double t);

    /** g(t)^2 = d sigma^2/dt - 2 f(t) sigma^2, the squared diffusion coefficient of the forward SDE. */
    double diffusionSquared(double t);

    /** True when time is a training index (DDPM-style schedules). */
    default boolean discrete() {
        return false;
    }

    /** Standard deviation of the prior N(0, (alpha^2 + sigma^2) I) at tMax: the marginal of unit-variance data. */
    default double priorStd() {
        double a = alpha(tMax());
        double s = sigma(tMax());
        return Math.sqrt(a * a + s * s);
    }

    /** The noise level at time t. */
    default NoiseLevel level(double t) {
        return new NoiseLevel(t, alpha(t), sigma(t));
    }

    /** Half log signal-to-noise ratio ln(alpha/sigma) at t. */
    default double lambda(double t) {
        return Math.log(alpha(t)) - Math.log(sigma(t));
    }

    /**
     * The noise level whose sigma / alpha is the given value (k-diffusion's and EDM's sigma), at the time
     * {@link #timeOfLambda} finds for lambda = -ln(sigmaOverAlpha): for samplers that evaluate the model between grid
     * points (a midpoint, EDM's churned level).
     */
    default NoiseLevel levelAtSigmaOverAlpha(double sigmaOverAlpha) {
        return level(timeOfLambda(-Math.log(sigmaOverAlpha)));
    }

    /**
     * The time at which lambda(t) equals the given value, found by bisection on [0, tMax]
     * (lambda decreases in t for every schedule here).
     */
    default double timeOfLambda(double lambda) {
        double lo = 0;
        double hi = tMax();
        for (int i = 0; i < 200 && hi - lo > 1e-14 * tMax(); i++) {
            double mid = 0.5 * (lo + hi);
            if (lambda(mid) > lambda) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }
}
