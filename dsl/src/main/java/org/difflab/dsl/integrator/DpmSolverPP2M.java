package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.schedule.NoiseLevel;

/**
 * DPM-Solver++(2M) (Lu et al. 2022, Algorithm 2): data prediction, multistep, in lambda = ln(alpha/sigma) with
 * h = lambda_p - lambda: x_p = (sigma_p/sigma) x + alpha_p (1 - e^-h) D, where D = x0 on the first step and
 * D = (1 + 1/(2r)) x0 - 1/(2r) x0_prev after it (r = h_prev / h). The jump to sigma = 0 returns alpha_p x0.
 */
public final class DpmSolverPP2M implements Integrator {

    @Override
    public String name() {
        return "dpmSolverPP2M";
    }

    @Override
    public int nfePerStep() {
        return 1;
    }

    @Override
    public boolean stochastic() {
        return false;
    }

    @Override
    public double expectedOrder() {
        return 2;
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        NDArray previous = null;
        double hPrevious = 0;
        for (int i = 0; i < ctx.steps(); i++) {
            NoiseLevel now = ctx.level(i);
            NoiseLevel next = ctx.level(i + 1);
            NDArray x0 = ctx.predict(x, i).x0();
            if (next.sigma() == 0) {
                x = ctx.endStep(i, x0.mul(next.alpha()));
                continue;
            }
            double h = next.lambda() - now.lambda();
            NDArray d = x0;
            if (previous != null) {
                double r = hPrevious / h;
                d = x0.mul(1 + 1 / (2 * r)).sub(previous.mul(1 / (2 * r)));
            }
            NDArray xNext = x.mul(next.sigma() / now.sigma()).add(d.mul(-next.alpha() * Math.expm1(-h)));
            previous = x0;
            hPrevious = h;
            x = ctx.endStep(i, xNext, previous);
        }
        return x;
    }
}
