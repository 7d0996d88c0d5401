package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.tensor.Scalars;

/**
 * The accelerated DDPM-type sampler of Li et al. (ICML 2024; official README): half of the step's noise before the
 * score evaluation and half after,
 * <pre>
 *   Y^+     = Y_t + sqrt((1 - alpha_t)/2) Z
 *   Y_{t-1} = (Y^+ + (1 - alpha_t) s_t(Y^+)) / sqrt(alpha_t) + sqrt((1 - alpha_t)/2) Z'.
 * </pre>
 * The two draws are tied to the two halves of the step interval (for Brownian-path noise).
 */
public final class AcceleratedDdpm extends LiChain {

    @Override
    public IntegratorInfo info() {
        return IntegratorInfo.stochastic("acceleratedDdpm", 1, 1);
    }

    @Override
    protected NDArray step(LiStep s, NDArray x) {
        double alpha = s.alpha();
        double half = Math.sqrt((1 - alpha) / 2);
        NDArray plus = x.add(Scalars.mul(s.noise(s.t(), s.mid()), half));
        NDArray score = s.score(plus);
        return Scalars.div(plus.add(Scalars.mul(score, 1 - alpha)), Math.sqrt(alpha)).add(Scalars.mul(s.noise(s.mid(), s.tNext()), half));
    }
}
