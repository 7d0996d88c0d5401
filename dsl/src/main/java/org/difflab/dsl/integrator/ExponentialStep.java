package org.difflab.dsl.integrator;

import org.difflab.dsl.schedule.NoiseSchedule;

/**
 * The coefficients of one exponential-integrator step of dx = [f x - (1 + lambda^2)/2 g^2 s] dt + lambda g dW-bar
 * from t to t + dt (dt &lt; 0) with the score s frozen at the left point and f, g^2 taken there:
 * x' = decay x + scoreWeight s + noiseScale xi, where decay = e^{f dt}, scoreWeight = c (decay - 1) / (-f) with
 * c = (1 + lambda^2) g^2 / 2, and noiseScale^2 = lambda^2 g^2 (decay^2 - 1) / (-2 f): the linear part integrated
 * exactly (research note mlem_parallel.md B.1, written for any schedule; c dt and lambda^2 g^2 |dt| in the limit
 * f -&gt; 0).
 *
 * @param decay       e^{f dt}
 * @param scoreWeight the weight of the frozen score
 * @param noiseScale  the standard deviation of the step's noise
 */
public record ExponentialStep(double decay, double scoreWeight, double noiseScale) {

    /** The step of grid interval (t, t + dt) for the noise scale lambda (0: the probability-flow ODE). */
    public static ExponentialStep of(NoiseSchedule schedule, double t, double dt, double lambda) {
        double f = schedule.drift(t);
        double g2 = schedule.diffusionSquared(t);
        double c = 0.5 * (1 + lambda * lambda) * g2;
        if (Math.abs(f * dt) < 1e-12) {
            return new ExponentialStep(1, -c * dt, lambda * Math.sqrt(g2 * -dt));
        }
        double decay = Math.exp(f * dt);
        return new ExponentialStep(decay, c * (decay - 1) / -f, lambda * Math.sqrt(g2 * (decay * decay - 1) / (-2 * f)));
    }
}
