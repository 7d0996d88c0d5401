package org.difflab.theory.claims;

/**
 * The family names (and the shared paper citations) of the claim groups whose aggregator and member claims both name them,
 * in a class of their own so that a member claim does not import the aggregator that builds it (no class-level cycle).
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
}
