package org.difflab.dsl.model;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

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
            case SCORE -> Scalars.mul(prediction, -s);
            case X0 -> Scalars.div(x.sub(Scalars.mul(prediction, a)), s);
            case V -> Scalars.div(Scalars.mul(x, s).add(Scalars.mul(prediction, a)), a * a + s * s);
        };
    }

    /** Converts a prediction of this kind at (x, level) to x0. */
    public NDArray toX0(NDArray prediction, NDArray x, NoiseLevel level) {
        double a = level.alpha();
        double s = level.sigma();
        return switch (this) {
            case X0 -> prediction;
            case V -> Scalars.div(Scalars.mul(x, a).sub(Scalars.mul(prediction, s)), a * a + s * s);
            // x - s eps as (-s) eps + x, x added in place to the fresh product (rounding is symmetric in sign, and
            // x - y is x + (-y) exactly), then divided in place: the same bits without two result arrays
            default -> Scalars.inPlace(Scalars.mul(toEps(prediction, x, level), -s).addi(x), Scalars.InPlaceOp.DIV, a);
        };
    }

    /** Converts a prediction of this kind at (x, level) to the score. */
    public NDArray toScore(NDArray prediction, NDArray x, NoiseLevel level) {
        return this == SCORE ? prediction : Scalars.div(toEps(prediction, x, level), -level.sigma());
    }

    /** Converts an epsilon value to this kind (the inverse of {@link #toEps}). */
    public NDArray fromEps(NDArray eps, NDArray x, NoiseLevel level) {
        double a = level.alpha();
        double s = level.sigma();
        return switch (this) {
            case EPS -> eps;
            case SCORE -> Scalars.div(eps, -s);
            case X0 -> Scalars.div(x.sub(Scalars.mul(eps, s)), a);
            case V -> Scalars.mul(eps, a).sub(Scalars.mul(Scalars.div(x.sub(Scalars.mul(eps, s)), a), s));
        };
    }
}
