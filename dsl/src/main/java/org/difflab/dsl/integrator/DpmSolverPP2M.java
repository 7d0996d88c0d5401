package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.model.Prediction;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

/**
 * DPM-Solver++(2M) (Lu et al. 2022, Algorithm 2): data prediction, multistep, in lambda = ln(alpha/sigma) with
 * h = lambda_p - lambda: x_p = (sigma_p/sigma) x + alpha_p (1 - e^-h) D, where D = x0 on the first step and
 * D = (1 + 1/(2r)) x0 - 1/(2r) x0_prev after it (r = h_prev / h). The jump to sigma = 0 returns alpha_p x0.
 */
public final class DpmSolverPP2M extends StatedIntegrator implements SteppedIntegrator {

    public DpmSolverPP2M() {
        super(IntegratorInfo.deterministic("dpmSolverPP2M", 1, 2));
    }

    @Override
    public NDArray stepWithoutNoise(TimeGrid grid, int i, NDArray x, Prediction now, NDArray previousX0) {
        NoiseLevel t = grid.level(i);
        NoiseLevel p = grid.level(i + 1);
        NDArray x0 = now.x0();
        if (p.sigma() == 0) {
            return Scalars.mul(x0, p.alpha());
        }
        double h = p.lambda() - t.lambda();
        if (previousX0 != null) {
            double r = (t.lambda() - grid.level(i - 1).lambda()) / h;
            // D is this step's own array (x0 is the prediction's, kept for the next step): scaled in place, and the sum
            // added in place, the same bits with two result arrays fewer
            NDArray fresh = Scalars.mul(x0, 1 + 1 / (2 * r)).subi(Scalars.mul(previousX0, 1 / (2 * r)));
            return Scalars.mul(x, p.sigma() / t.sigma()).addi(Scalars.inPlace(fresh, Scalars.InPlaceOp.MUL, -p.alpha() * Math.expm1(-h)));
        }
        return Scalars.mul(x, p.sigma() / t.sigma()).addi(Scalars.mul(x0, -p.alpha() * Math.expm1(-h)));
    }

    @Override
    public double noiseScale(TimeGrid grid, int i) {
        return 0;
    }

    @Override
    public boolean multistep() {
        return true;
    }
}
