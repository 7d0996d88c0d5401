package org.difflab.dsl.langevin;

import ai.djl.ndarray.NDArray;

/**
 * What a Langevin sampler targets: pi(x) proportional to exp(-F(x)) on R^d, given by its drift b(x) = grad log pi(x) =
 * -grad F(x) (the only thing LMC and its midpoint variants evaluate). Unlike a diffusion {@code Target}, a potential
 * needs no noised marginals, so non-Gaussian targets such as {@link DoubleWell} fit. Build one with {@link Potentials}.
 */
public interface Potential {

    /** Dimension d. */
    int dim();

    /** The spec string that rebuilds this potential, e.g. {@code doublewell:d=1,a=1}. */
    String spec();

    /** The drift b(x) = grad log pi(x) = -grad F(x) for a batch x [B, d], as [B, d] in x's data type. */
    NDArray gradLogDensity(NDArray x);
}
