package org.difflab.dsl.control;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * DPM-Solver-2 (r = 1/2) with DPM-Solver-1 embedded (Lu et al. 2022, DPM-Solver, Algorithm 4 and section 4.2 on
 * adaptive step sizes, the orders-1/2 pair of k-diffusion's {@code dpm_adaptive}): the first-order step is the lower
 * solution, the midpoint in lambda gives the second-order one; one evaluation per attempt beyond the reused one at the
 * start. Steps in lambda.
 */
public final class DpmSolver12Pair extends StatedPair {
    private static final double R = 0.5;

    public DpmSolver12Pair() {
        super(new PairInfo("dpm12", StepVariable.LAMBDA, 2, 1, 1));
    }

    @Override
    public Attempt attempt(RowModel model, NDArray x, NDArray eps, NoiseLevel[] from, NoiseLevel[] to) {
        DpmSteps steps = new DpmSteps(from, to);
        NDArray d1 = steps.epsChange(model, x, eps, steps.inside(model, R));
        NDArray first = steps.first(x, eps);
        NDArray second = first.sub(d1.mul(steps.atEnd(x, h -> Math.expm1(h) / (2 * R))));
        return new Attempt(second, first);
    }
}
