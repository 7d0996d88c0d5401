package org.difflab.dsl.model;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * The quantity a model predicts for x = alpha x0 + sigma eps: the score grad log p = -eps/sigma, the noise eps,
 * the clean data x0, or v = alpha eps - sigma x0 (Salimans and Ho 2022). The one place where they are converted;
 * everything goes through epsilon.
 */
public enum Parameterization {
    SCORE, EPS, X0, V;

    /** Converts a prediction of this kind at (x, level) to epsilon. */
    public NDArray toEps(NDArray prediction, NDArray x, NoiseLevel level) {
        double a = level.alpha();
        double s = level.sigma();
        return switch (this) {
            case EPS -> prediction;
            case SCORE -> prediction.mul(-s);
            case X0 -> x.sub(prediction.mul(a)).div(s);
            case V -> x.mul(s).add(prediction.mul(a)).div(a * a + s * s);
        };
    }

    /** Converts a prediction of this kind at (x, level) to x0. */
    public NDArray toX0(NDArray prediction, NDArray x, NoiseLevel level) {
        double a = level.alpha();
        double s = level.sigma();
        return switch (this) {
            case X0 -> prediction;
            case V -> x.mul(a).sub(prediction.mul(s)).div(a * a + s * s);
            default -> x.sub(toEps(prediction, x, level).mul(s)).div(a);
        };
    }

    /** Converts a prediction of this kind at (x, level) to the score. */
    public NDArray toScore(NDArray prediction, NDArray x, NoiseLevel level) {
        return this == SCORE ? prediction : toEps(prediction, x, level).div(-level.sigma());
    }

    /** Converts an epsilon value to this kind (the inverse of {@link #toEps}). */
    public NDArray fromEps(NDArray eps, NDArray x, NoiseLevel level) {
        double a = level.alpha();
        double s = level.sigma();
        return switch (this) {
            case EPS -> eps;
            case SCORE -> eps.div(-s);
            case X0 -> x.sub(eps.mul(s)).div(a);
            case V -> eps.mul(a).sub(x.sub(eps.mul(s)).div(a).mul(s));
        };
    }
}
