package org.difflab.theory.langevin;

import java.util.Arrays;
import org.difflab.theory.montecarlo.Estimate;

/**
 * The probed per-step map of a Langevin sampler on the 1-D standard Gaussian, X' = C X + N (C an m x m matrix, m = 1
 * overdamped or 2 for (U, V); N centred Gaussian given the auxiliary draws), and the stationary law it implies. The
 * expectations are exact over the Gaussian draws and Monte Carlo over the auxiliary draws (random midpoints,
 * Bernoulli selections); standard errors are over the realisations, the stationary variance's by the delta method.
 * For m = 1, c, cSquared and noiseSquared are E[c], E[c^2] and E[N^2] of research note section 9.1 and
 * variance = E[N^2]/(1 - E[c^2]); for m = 2 they are the position entries E[C_UU], E[C_UU^2] and E[Var(N_U)].
 *
 * @param integrator   spec of the probed integrator
 * @param stepSize     h
 * @param friction     gamma (underdamped integrators)
 * @param stateDim     m, 1 or 2
 * @param realisations auxiliary realisations averaged over (1 when the step draws no auxiliary randomness)
 * @param draws        Gaussian draws per step
 * @param exact        true when the step draws no auxiliary randomness, so every value is exact (standard errors 0)
 * @param c            E[C_00]
 * @param cSquared     E[C_00^2]
 * @param noiseSquared E[Var(N_0 | auxiliary draws)]
 * @param variance     the stationary position variance (the truth is 1)
 * @param covariance   the stationary state covariance (m x m)
 */
public record StepMapMoments(String integrator, double stepSize, double friction, int stateDim, long realisations, int draws, boolean exact,
        Estimate c, Estimate cSquared, Estimate noiseSquared, Estimate variance, double[][] covariance) {

    /** |V - 1|: the stationary variance's bias. */
    public double bias() {
        return Math.abs(variance.value() - 1);
    }

    @Override
    public double[][] covariance() {
        return Arrays.stream(covariance).map(double[]::clone).toArray(double[][]::new);
    }

    @Override
    public String toString() {
        return String.format("%s at h = %s: V = %.7f (se %.1e), E[c] = %.7f, E[c^2] = %.7f, E[N^2] = %.7f; %s", integrator, stepSize,
                variance.value(), variance.standardError(), c.value(), cSquared.value(), noiseSquared.value(),
                exact ? "exact" : realisations + " auxiliary realisations");
    }
}
