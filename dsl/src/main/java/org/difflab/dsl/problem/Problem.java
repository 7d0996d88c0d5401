package org.difflab.dsl.problem;

/**
 * What one run solves, the "problem" of the problem / algorithm / solution split (DifferentialEquations.jl; the "term"
 * of diffrax): a {@link DiffusionProblem} (schedule and score model, stepped along a time grid of noise levels) or a
 * {@code LangevinProblem} (potential, step size and friction, stepped at t = i h). One run context and one solve serve
 * both; an integrator states which kind it solves.
 */
public interface Problem {

    /** The kind, for messages: "diffusion" or "Langevin". */
    String kind();
}
