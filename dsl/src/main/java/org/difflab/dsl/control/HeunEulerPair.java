package org.difflab.dsl.control;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

/**
 * Heun's method with the Euler step embedded, on EDM's probability-flow ODE dy/dsigma = eps(y) of the rescaled variable
 * y = x/alpha (Karras et al. 2022, Algorithm 1, lines 5-8 without churn): the Euler step y + h d_0 is the lower-order
 * solution and also the point of Heun's second evaluation, so an attempt costs one evaluation beyond the reused one at
 * the start. Orders 2 and 1. The update is in sigma, the steps are sized in lambda = -ln sigma (for alpha = 1): a step
 * size in sigma that suits sigma = 10 overshoots at sigma = 0.1, so a controller in sigma rejects every other step on
 * the way down (measured: 11 rejected for 20 accepted per path at rtol 1e-2), while the EDM ODE's local error scales
 * with the step relative to sigma.
 */
public final class HeunEulerPair extends StatedPair {

    public HeunEulerPair() {
        super(new PairInfo("heun", StepVariable.LAMBDA, 2, 1, 1));
    }

    @Override
    public Attempt attempt(RowModel model, NDArray x, NDArray eps, NoiseLevel[] from, NoiseLevel[] to) {
        int rows = from.length;
        double[] toY = new double[rows];
        double[] h = new double[rows];
        double[] toX = new double[rows];
        for (int r = 0; r < rows; r++) {
            toY[r] = 1 / from[r].alpha();
            h[r] = to[r].sigmaOverAlpha() - from[r].sigmaOverAlpha();
            toX[r] = to[r].alpha();
        }
        NDArray alphaTo = RowColumns.column(toX, x);
        NDArray y = x.mul(RowColumns.column(toY, x));
        NDArray step = RowColumns.column(h, x);
        NDArray euler = y.add(eps.mul(step));
        NDArray eulerX = euler.mul(alphaTo);
        NDArray epsEnd = model.eps(eulerX, to);
        NDArray heun = y.add(Scalars.mul(eps.add(epsEnd).mul(step), 0.5));
        return new Attempt(heun.mul(alphaTo), eulerX);
    }
}
