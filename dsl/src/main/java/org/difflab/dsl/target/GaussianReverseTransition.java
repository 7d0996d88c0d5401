package org.difflab.dsl.target;

import org.difflab.dsl.Require;
import org.difflab.dsl.schedule.NoiseSchedule;

/**
 * The exact transition of the reverse-time family dx = [f x - (1 + lambda^2)/2 g^2 s(x)] dt + lambda g dW-bar with the
 * exact score s of a diagonal Gaussian target N(mu, diag(v)): from time a down to b &lt; a, per coordinate,
 * <pre>
 *   x_b = alpha_b mu + gain (x_a - alpha_a mu) + spread xi,   gain = sqrt(V_b / V_a) sqrt(q),   spread = sqrt(V_b (1 - q)),
 *   q = (V_b alpha_a^2 / (V_a alpha_b^2))^{lambda^2},   V_t = alpha_t^2 v + sigma_t^2,
 * </pre>
 * exact in law whatever the law of x_a (the map is linear). Derivation (ours): z = (x - alpha_t mu) / sqrt(V_t) obeys
 * dz = -z du / 2 + dB_u in reverse time on the clock u = lambda^2 ln(V_t / alpha_t^2), because dV/dt = 2 f V + g^2;
 * so z is an Ornstein-Uhlenbeck process with stationary variance 1. With lambda = 0 it is the probability-flow map
 * x_b = alpha_b mu + sqrt(V_b / V_a)(x_a - alpha_a mu). Used between the events of the Poisson-jump limit of ML-EM and
 * as the exact reference solution of strong-error studies.
 */
public final class GaussianReverseTransition {
    private final double[] mu;
    private final double[] v;
    private final NoiseSchedule schedule;
    private final double lambda;

    /**
     * @param target   a diagonal Gaussian target
     * @param schedule the forward process
     * @param lambda   noise scale of the reverse family, &gt;= 0 (0: the probability-flow ODE)
     */
    public GaussianReverseTransition(Gaussian target, NoiseSchedule schedule, double lambda) {
        Require.notNull("target", target);
        if (!target.diagonal()) {
            throw new IllegalArgumentException("target = " + target.spec() + " is not allowed: the transition is per coordinate, so the target must "
                    + "be a diagonal Gaussian (rotate to its eigenbasis first)");
        }
        this.mu = target.mean();
        double[][] c = target.covariance();
        this.v = new double[mu.length];
        for (int j = 0; j < v.length; j++) {
            v[j] = c[j][j];
        }
        this.schedule = Require.notNull("schedule", schedule);
        this.lambda = Require.nonNegative("lambda", lambda);
    }

    /** Whether the transition adds noise (lambda &gt; 0). */
    public boolean stochastic() {
        return lambda > 0;
    }

    /**
     * The per-coordinate coefficients from time a to time b: {gain, shift, spread}, so that
     * x_b = gain x_a + shift + spread xi with xi ~ N(0, I).
     */
    public double[][] coefficients(double a, double b) {
        double alphaA = schedule.alpha(a);
        double alphaB = schedule.alpha(b);
        double sigmaA = schedule.sigma(a);
        double sigmaB = schedule.sigma(b);
        int d = mu.length;
        double[] gain = new double[d];
        double[] shift = new double[d];
        double[] spread = new double[d];
        for (int j = 0; j < d; j++) {
            double va = alphaA * alphaA * v[j] + sigmaA * sigmaA;
            double vb = alphaB * alphaB * v[j] + sigmaB * sigmaB;
            double q = lambda == 0 ? 1 : Math.pow(vb * alphaA * alphaA / (va * alphaB * alphaB), lambda * lambda);
            gain[j] = Math.sqrt(vb / va * q);
            shift[j] = alphaB * mu[j] - gain[j] * alphaA * mu[j];
            spread[j] = Math.sqrt(vb * Math.max(0, 1 - q));
        }
        return new double[][] {gain, shift, spread};
    }
}
