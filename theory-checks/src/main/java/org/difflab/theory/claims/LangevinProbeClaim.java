package org.difflab.theory.claims;

import java.util.List;

/**
 * A claim measured case by case by probing a Langevin sampler's step on the 1-D standard Gaussian
 * ({@link org.difflab.theory.langevin.StationaryVariance}): the closed-form stationary variances and the bias orders.
 * What it is about follows from its cases.
 */
interface LangevinProbeClaim extends Claim {

    /** One probed sampler: its spec and what the probe needs beside the step size. */
    interface ProbedCase {
        /** A Langevin integrator spec. */
        String integrator();

        /** Gamma (underdamped samplers). */
        double friction();

        /** Lattice size of the auxiliary draws. */
        int lattice();
    }

    /** The cases, at least 1. */
    List<? extends ProbedCase> cases();

    /** The samplers of the cases, each once, in the cases' order. */
    @Override
    default List<String> integrators() {
        return cases().stream().map(ProbedCase::integrator).distinct().toList();
    }
}
