package org.difflab.dsl.schedule;

/**
 * One point of the forward process x_t = alpha x_0 + sigma z: the time t in the schedule's own units
 * (training index for discrete schedules) and the signal and noise scales there.
 */
public record NoiseLevel(double t, double alpha, double sigma) {

    /** Signal-to-noise half log ratio lambda = ln(alpha / sigma), the time variable of DPM-Solver (+inf at sigma = 0). */
    public double lambda() {
        return Math.log(alpha) - Math.log(sigma);
    }

    /** The noise level of the rescaled variable x / alpha (the "sigma" of k-diffusion and EDM). */
    public double sigmaOverAlpha() {
        return sigma / alpha;
    }

    /** alpha^2, the abar of DDPM notation when the schedule is variance preserving. */
    public double alphaBar() {
        return alpha * alpha;
    }
}
