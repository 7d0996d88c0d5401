package org.difflab.dsl.integrator;

import ai.djl.ndarray.NDArray;

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

    public AcceleratedDdpm() {
        super(IntegratorInfo.stochastic("acceleratedDdpm", 1, 1));
    }

    @Override
    protected NDArray step(LiStep s, NDArray x) {
        return s.withSecondHalfNoise(s.ddpmMove(s.withFirstHalfNoise(x)));
    }
}
