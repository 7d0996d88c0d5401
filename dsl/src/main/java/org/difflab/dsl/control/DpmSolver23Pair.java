package org.difflab.dsl.control;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * DPM-Solver-3 (r1 = 1/3, r2 = 2/3) with DPM-Solver-2 (r = 1/3) embedded (Lu et al. 2022, DPM-Solver, Algorithm 5 and
 * section 4.2, the orders-2/3 pair of k-diffusion's {@code dpm_adaptive}): the second-order solution reuses the
 * evaluation at lambda_s + h/3, so an attempt costs two evaluations beyond the reused one at the start. Steps in lambda.
 */
public final class DpmSolver23Pair extends StatedPair {
    private static final double R1 = 1.0 / 3;
    private static final double R2 = 2.0 / 3;

    public DpmSolver23Pair() {
        super(new PairInfo("dpm23", StepVariable.LAMBDA, 3, 2, 2));
    }

    @Override
    public Attempt attempt(RowModel model, NDArray x, NDArray eps, NoiseLevel[] from, NoiseLevel[] to) {
        DpmSteps steps = new DpmSteps(from, to);
        NoiseLevel[] s2 = steps.inside(model, R2);
        NDArray d1 = steps.epsChange(model, x, eps, steps.inside(model, R1));
        NDArray u2 = steps.first(x, eps, s2).sub(d1.mul(steps.at(s2, x, h -> R2 / R1 * (Math.expm1(R2 * h) / (R2 * h) - 1))));
        NDArray d2 = model.eps(u2, s2).sub(eps);
        NDArray first = steps.first(x, eps);
        NDArray third = first.sub(d2.mul(steps.atEnd(x, h -> (Math.expm1(h) / h - 1) / R2)));
        NDArray second = first.sub(d1.mul(steps.atEnd(x, h -> Math.expm1(h) / (2 * R1))));
        return new Attempt(third, second);
    }
}
