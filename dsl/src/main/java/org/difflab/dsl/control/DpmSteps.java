package org.difflab.dsl.control;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * The per-row pieces of DPM-Solver's steps in lambda (Lu et al. 2022, DPM-Solver, eqs. 3.7-3.8 and Algorithms 4-5 of
 * the appendix, noise-prediction form): from level s with h = lambda_t - lambda_s, the first-order step
 * (alpha_t/alpha_s) x - sigma_t (e^h - 1) eps_s, and the intermediate levels lambda_s + r h.
 */
final class DpmSteps {
    private final NoiseLevel[] from;
    private final NoiseLevel[] to;
    private final double[] h;

    DpmSteps(NoiseLevel[] from, NoiseLevel[] to) {
        this.from = from;
        this.to = to;
        this.h = new double[from.length];
        for (int r = 0; r < h.length; r++) {
            h[r] = to[r].lambda() - from[r].lambda();
        }
    }

    /** The levels at lambda_s + fraction h, one per row. */
    NoiseLevel[] inside(RowModel model, double fraction) {
        NoiseLevel[] out = new NoiseLevel[from.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = StepVariable.LAMBDA.level(model.schedule(), from[r].lambda() + fraction * h[r]);
        }
        return out;
    }

    /** DPM-Solver-1 from the step's start to {@code end} (one level per row), with eps at the start. */
    NDArray first(NDArray x, NDArray eps, NoiseLevel[] end) {
        double[] keep = new double[end.length];
        double[] push = new double[end.length];
        for (int r = 0; r < end.length; r++) {
            keep[r] = end[r].alpha() / from[r].alpha();
            push[r] = -end[r].sigma() * Math.expm1(end[r].lambda() - from[r].lambda());
        }
        return x.mul(RowColumns.column(keep, x)).add(eps.mul(RowColumns.column(push, x)));
    }

    /**
     * eps(u) - eps_s at the intermediate levels {@code inside}, u the DPM-Solver-1 step to them: the difference of
     * noise predictions that DPM-Solver-2 and -3 correct the first-order step with (D_1 of Algorithms 4-5).
     */
    NDArray epsChange(RowModel model, NDArray x, NDArray eps, NoiseLevel[] inside) {
        return model.eps(first(x, eps, inside), inside).sub(eps);
    }

    /** DPM-Solver-1 over the whole step. */
    NDArray first(NDArray x, NDArray eps) {
        return first(x, eps, to);
    }

    /** Each row's coefficient c(h) sigma_t, for a correction term c sigma_t (difference of eps predictions). */
    NDArray atEnd(NDArray like, java.util.function.DoubleUnaryOperator c) {
        double[] out = new double[to.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = to[r].sigma() * c.applyAsDouble(h[r]);
        }
        return RowColumns.column(out, like);
    }

    /** Each row's coefficient c(h) sigma_u at the intermediate levels {@code inside}. */
    NDArray at(NoiseLevel[] inside, NDArray like, java.util.function.DoubleUnaryOperator c) {
        double[] out = new double[inside.length];
        for (int r = 0; r < out.length; r++) {
            out[r] = inside[r].sigma() * c.applyAsDouble(h[r]);
        }
        return RowColumns.column(out, like);
    }
}
