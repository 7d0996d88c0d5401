package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

/**
 * iPNDM (Zhang and Chen 2023, Fast sampling of diffusion models with exponential integrator (DEIS), ICLR: the PNDM of
 * Liu et al. 2022 with its Runge-Kutta warm-up replaced by lower-order multistep steps): a DDIM step (Euler in y = x/alpha against sigma/alpha) taken with
 * the Adams-Bashforth combination of the last noise predictions, e' = (55 e_i - 59 e_{i-1} + 37 e_{i-2} - 9 e_{i-3}) / 24,
 * and (3 e_i - e_{i-1}) / 2, (23 e_i - 16 e_{i-1} + 5 e_{i-2}) / 12 on the second and third steps (Euler on the first).
 * The weights are those of equal steps, whatever the grid: with equal steps in sigma/alpha iPNDM is exactly
 * {@link LinearMultistep} (fourth order), but on a grid with smoothly varying steps (log-SNR, Karras) the weights miss
 * the step-size variation by O(h^2) per step and the global order is 2 (measured: claim {@code order-ipndm}; DiffLab's
 * analysis, the paper states no order). As k-diffusion's {@code sample_ipndm}, it uses the weights of equal steps; its
 * {@code sample_ipndm_v} is the variable-step form, here {@code lms}. The step to sigma = 0 is an ordinary step. One
 * model evaluation per step.
 */
public final class Ipndm extends EpsMultistep {
    /** The highest order: the four-step Adams-Bashforth weights. */
    public static final int MAX_ORDER = 4;
    /** Adams-Bashforth weights for equal steps, newest prediction first, for 1 to 4 steps. */
    private static final double[][] WEIGHTS = {{1}, {3 / 2.0, -1 / 2.0}, {23 / 12.0, -16 / 12.0, 5 / 12.0},
        {55 / 24.0, -59 / 24.0, 37 / 24.0, -9 / 24.0}};

    /** iPNDM using up to {@code order} (1 to {@link #MAX_ORDER}) past predictions per step. */
    public Ipndm(int order) {
        super("ipndm", order, MAX_ORDER, MAX_ORDER, o -> Math.min(o, 2));
    }

    @Override
    protected NDArray yNext(RunContext ctx, NDArray x, NoiseLevel now, NoiseLevel next, StepHistory predictions) {
        double[] w = WEIGHTS[predictions.size() - 1];
        NDArray combined = Scalars.mul(predictions.get(0).value(), w[0]);
        for (int j = 1; j < w.length; j++) {
            combined = combined.add(Scalars.mul(predictions.get(j).value(), w[j]));
        }
        return Scalars.div(x, now.alpha()).add(Scalars.mul(combined, next.sigmaOverAlpha() - now.sigmaOverAlpha()));
    }
}
