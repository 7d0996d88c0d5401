package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.tensor.Scalars;

/**
 * The accelerated ODE sampler as released by Li et al. (ICML 2024; official code, {@code generalized_steps_accelerated}):
 * a DDIM step plus K_t (eps_{t+1} - eps_t), with eps_{t+1} from the previous iterate and
 * <pre>
 *   K_t = sqrt(abar_{t-1}) / (abar_t - abar_{t+1}) [abar_t sqrt(1-abar_{t-1})/sqrt(abar_{t-1}) + asin(sqrt(abar_{t-1}))
 *                                                   - abar_t sqrt(1-abar_t)/sqrt(abar_t) - asin(sqrt(abar_t))],
 * </pre>
 * the exact integral of the ODE in x/sqrt(abar) with eps extrapolated linearly in abar (a two-step exponential
 * Adams-Bashforth scheme; li_samplers.md section 4.2). First step: plain DDIM; K = 0 when abar_t = abar_{t+1}.
 */
public final class AcceleratedOdePractical extends StatedIntegrator {

    public AcceleratedOdePractical() {
        super(IntegratorInfo.deterministic("acceleratedOde", 1, 2));
    }

    @Override
    public String spec() {
        return "acceleratedOde:form=practical";
    }

    @Override
    public NDArray run(RunContext ctx, NDArray x) {
        NDArray previousEps = null;
        for (int i = 0; i < ctx.steps(); i++) {
            NoiseLevel now = ctx.level(i);
            NoiseLevel next = ctx.level(i + 1);
            NDArray eps = ctx.predict(x, i).eps();
            double ratio = next.alpha() / now.alpha();
            NDArray out = Scalars.mul(x, ratio).add(Scalars.mul(eps, next.sigma() - now.sigma() * ratio));
            if (previousEps != null) {
                double k = gain(next.alphaBar(), now.alphaBar(), ctx.level(i - 1).alphaBar());
                out = out.add(Scalars.mul(previousEps.sub(eps), k));
            }
            previousEps = eps;
            x = ctx.endStep(i, out, previousEps);
        }
        return x;
    }

    /** K_t from abar_{t-1} (next), abar_t (now) and abar_{t+1} (previous point). */
    static double gain(double abarNext, double abarNow, double abarPrevious) {
        if (abarNow == abarPrevious) {
            return 0;
        }
        double bracket = abarNow * Math.sqrt(1 - abarNext) / Math.sqrt(abarNext) + Math.asin(Math.sqrt(abarNext))
                - abarNow * Math.sqrt(1 - abarNow) / Math.sqrt(abarNow) - Math.asin(Math.sqrt(abarNow));
        return Math.sqrt(abarNext) / (abarNow - abarPrevious) * bracket;
    }
}
