package org.difflab.theory.claims;

/**
 * The family names (and the shared paper citations) of the claim groups whose aggregator and member claims both name them,
 * in a class of their own so that a member claim does not import the aggregator that builds it (no class-level cycle); a
 * member record implements its family's interface here instead of repeating the family's name.
 */
final class ClaimFamilies {
    static final String MULTILEVEL = "Multilevel Euler-Maruyama (ML-EM)";
    static final String MULTILEVEL_PAPER = "Jacot (2026), Multilevel Euler-Maruyama, arXiv 2603.24594";
    static final String PARALLEL = "Parallel-in-time sampling (PIADM, ParaDiGMS)";
    static final String NETWORK = "Real networks: trained UNets";
    static final String POISSON_MIDPOINT = "Poisson midpoint: DDPM-1000 quality at 50-80 NFE";
    static final String POISSON_MIDPOINT_PAPER = "Kandasamy and Nagaraj (2024), The Poisson midpoint method for Langevin dynamics, "
            + "NeurIPS, arXiv 2405.17068";

    private ClaimFamilies() {}

    /** A claim of the ML-EM family: the family name is stated here once, each record states only its own words. */
    interface Multilevel extends Claim {
        @Override
        default String family() {
            return MULTILEVEL;
        }
    }

    /** A claim of the parallel-in-time family (PIADM, ParaDiGMS). */
    interface Parallel extends Claim {
        @Override
        default String family() {
            return PARALLEL;
        }
    }

    /** A claim of the Poisson-midpoint family. */
    interface PoissonMidpoint extends Claim {
        @Override
        default String family() {
            return POISSON_MIDPOINT;
        }
    }
}
