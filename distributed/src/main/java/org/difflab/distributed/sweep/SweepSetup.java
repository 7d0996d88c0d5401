package org.difflab.distributed.sweep;

import java.io.Serializable;

/**
 * What every cell of a sweep shares: how a run is set up and how orders are fitted. The defaults are those of
 * {@code difflab converge} (continuous VP schedule, log-SNR grid ending at tMin, exact initial law), on which the
 * standard samplers show their orders cleanly.
 *
 * @param schedule  the noise schedule spec
 * @param grid      the time-grid rule
 * @param init      {@code prior} or {@code exact} (exact cells: the initial law)
 * @param reference {@code x1} (the grid ends at tMin, errors against law(X_tMin)) or {@code x0} (a final jump to t = 0,
 *                  errors against the target; Monte Carlo cells always compare with the target)
 * @param proxy     {@code T} or {@code h} ({@code ln T / T}): what orders are fitted against
 * @param minSteps  first step count of a smallest-steps search
 * @param maxSteps  cap of a smallest-steps search (cells above it are censored)
 */
public record SweepSetup(String schedule, String grid, String init, String reference, String proxy, int minSteps, int maxSteps)
        implements Serializable {

    /** The defaults: vp, logsnr, exact, x1, T, 1, 4096. */
    public static SweepSetup defaults() {
        return new SweepSetup("vp", "logsnr", "exact", "x1", "T", 1, 4096);
    }
}
