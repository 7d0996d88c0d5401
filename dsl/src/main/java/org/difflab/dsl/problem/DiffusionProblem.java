package org.difflab.dsl.problem;

import org.difflab.dsl.Require;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseSchedule;

/**
 * What to sample: a forward process and a model of its scores; the prior at tMax is N(0, priorStd^2 I).
 * The integrator (how) and the grid, seed and batch are chosen separately (the problem/algorithm split of
 * DifferentialEquations.jl and diffrax).
 */
public record DiffusionProblem(NoiseSchedule schedule, ScoreModel model) implements Problem {
    public DiffusionProblem {
        Require.notNull("schedule", schedule);
        Require.notNull("model", model);
    }

    @Override
    public String kind() {
        return "diffusion";
    }
}
