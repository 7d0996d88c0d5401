package org.difflab.distributed.sweep;

import java.io.Serializable;

/**
 * What an executor measured for one cell (the table adds the cell, its wall time and where it ran).
 *
 * @param value         the error (exact, the upper bracket end searched for smallest-steps cells, or the Monte Carlo estimate)
 * @param lower         lower end of the error's bracket (exact metrics) or of its 95% interval (Monte Carlo)
 * @param upper         upper end
 * @param standardError Monte Carlo standard error, 0 when exact
 * @param nfe           model evaluations per sample of the run (at the found step count for smallest-steps cells)
 * @param steps         the step count run (the smallest one found, or the cap when censored, for smallest-steps cells)
 * @param censored      smallest steps: the error is above eps even at the cap
 * @param atMinSteps    smallest steps: the error is already below eps at the first count tried
 * @param monotone      smallest steps: every error the search saw agrees with a decreasing error
 * @param evaluations   exact evaluations the cell ran
 */
public record Measurement(double value, double lower, double upper, double standardError, long nfe, int steps, boolean censored,
                          boolean atMinSteps, boolean monotone, int evaluations) implements Serializable {
}
