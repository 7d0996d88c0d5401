package org.difflab.dsl.langevin;

import org.difflab.dsl.Require;
import org.difflab.dsl.problem.Problem;

/**
 * What a Langevin sampler solves: the potential (pi proportional to exp(-F)), the step size h and the friction gamma
 * of the underdamped dynamics dU = V dt, dV = -gamma V dt + b(U) dt + sqrt(2 gamma) dB (ignored by overdamped
 * integrators, whose dynamics is dX = b(X) dt + sqrt(2) dB). The integrator (how), the number of steps, the seed and
 * the batch are chosen separately, as for {@code DiffusionProblem}.
 *
 * @param potential the target, through its drift b = grad log pi
 * @param stepSize  h, finite and > 0
 * @param friction  gamma, finite and > 0 (Shen and Lee 2019 use gamma = 2 with the potential scaled by 1/L)
 */
public record LangevinProblem(Potential potential, double stepSize, double friction) implements Problem {
    public LangevinProblem {
        Require.notNull("potential", potential);
        Require.positive("stepSize", stepSize);
        Require.positive("friction", friction);
    }

    @Override
    public String kind() {
        return "Langevin";
    }
}
