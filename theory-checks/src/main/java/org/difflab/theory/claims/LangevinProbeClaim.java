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

    /**
     * The cases, copied, once what every probe claim needs is checked: its id, a provenance, at least 1 case and at least 1
     * auxiliary realisation per probe.
     */
    static <C extends ProbedCase> List<C> requireCases(String id, Provenance provenance, List<C> cases, int realisations) {
        Claim.requireId(id);
        if (cases == null || cases.isEmpty() || realisations < 1 || provenance == null) {
            throw new IllegalArgumentException("cases = " + cases + ", realisations = " + realisations + " are not allowed for claim " + id
                    + ": at least 1 case and realisations >= 1");
        }
        return List.copyOf(cases);
    }

    /** The samplers of the cases, each once, in the cases' order. */
    @Override
    default List<String> integrators() {
        return cases().stream().map(ProbedCase::integrator).distinct().toList();
    }
}
