package org.difflab.plugin.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.difflab.dsl.model.Parameterization;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

/**
 * The exact noise prediction of an isotropic Gaussian N(0, v I): eps(x, t) = sigma x / (alpha^2 v + sigma^2), one
 * multiplication. The model of the overhead benchmark: as cheap as a model can be, so that what a sampler adds on top
 * of its model calls is not hidden behind them. It multiplies through {@link Scalars}, as DiffLab's own targets do:
 * inside a run that is one engine call, as {@code x * c} is in PyTorch, where DJL's {@code x.mul(double)} first makes a
 * tensor of the number (a third of a ddim step at 64 x 2 went to that); outside a run (the raw DJL loop) it is DJL's
 * own call. The same bits either way.
 *
 * @param dim      the dimension d (>= 1)
 * @param variance the variance v of every coordinate (finite, > 0)
 */
public record IsotropicEps(int dim, double variance) implements ScoreModel {

    /** Checks d and v, naming the one out of range. */
    public IsotropicEps {
        if (dim < 1) {
            throw new IllegalArgumentException("dim = " + dim + " is not allowed: must be an integer >= 1");
        }
        if (!(variance > 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("variance = " + variance + " is not allowed: must be a finite number > 0");
        }
    }

    /** The factor c(t) of eps = c(t) x. */
    public double factor(NoiseLevel level) {
        double a = level.alpha();
        double s = level.sigma();
        return s / (a * a * variance + s * s);
    }

    @Override
    public Parameterization parameterization() {
        return Parameterization.EPS;
    }

    @Override
    public Shape eventShape() {
        return new Shape(dim);
    }

    @Override
    public NDArray predict(NDArray x, NoiseLevel level) {
        return Scalars.mul(x, factor(level));
    }

    @Override
    public String describe() {
        return "isotropic Gaussian eps (d=" + dim + ", var=" + variance + ")";
    }
}
