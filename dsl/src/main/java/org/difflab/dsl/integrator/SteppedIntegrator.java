package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.model.Prediction;
import org.difflab.dsl.tensor.Scalars;

/**
 * A sampler whose step i is x_{i+1} = Phi_i(x_i) + noiseScale_i xi_i with one model evaluation at (x_i, t_i): the
 * "step without noise" Phi_i and the noise scale are exposed, so that parallel-in-time wrappers (ParaDiGMS, Shih et
 * al. 2023, section 3: x_{i+1} = x_i + D_i(x_i) + n_i with D_i = Phi_i - id and the noise drawn up front) evaluate the
 * steps of a whole window in one batched call. Multistep samplers also read the previous grid point's x0 prediction.
 * The sequential run is this interface's {@link #run}: predict, step without noise, add noise, in that order.
 */
public interface SteppedIntegrator extends Integrator {

    /**
     * The deterministic part Phi_i of step i (grid point i to i + 1) from x with the model's prediction at (x, t_i);
     * {@code previousX0} is the x0 prediction at grid point i - 1 (null at i = 0), used by {@link #multistep()}
     * samplers only.
     */
    NDArray stepWithoutNoise(TimeGrid grid, int i, NDArray x, Prediction now, NDArray previousX0);

    /** The standard deviation of the Gaussian noise added at step i (0: no draw). */
    double noiseScale(TimeGrid grid, int i);

    /** Whether {@link #stepWithoutNoise} reads the previous grid point's x0 prediction. */
    default boolean multistep() {
        return false;
    }

    @Override
    default NDArray run(RunContext ctx, NDArray x) {
        NDArray previous = null;
        for (int i = 0; i < ctx.steps(); i++) {
            Prediction now = ctx.predict(x, i);
            NDArray next = stepWithoutNoise(ctx.grid(), i, x, now, previous);
            double scale = noiseScale(ctx.grid(), i);
            if (scale > 0) {
                // the noise term is this step's own array: the update added to it in place (next + a = a + next
                // exactly), the same bits with a result array fewer
                next = Scalars.mul(ctx.normal(x, i), scale).addi(next);
            }
            if (multistep() && i < ctx.steps() - 1) { // nothing follows the last step
                previous = now.x0();
                x = ctx.endStep(i, next, previous);
            } else {
                x = ctx.endStep(i, next);
            }
        }
        return x;
    }
}
