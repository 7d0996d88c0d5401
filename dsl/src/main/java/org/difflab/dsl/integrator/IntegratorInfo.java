package org.difflab.dsl.integrator;

import org.difflab.dsl.Require;

/**
 * What an integrator states about itself, once: its registered name, its model evaluations per step (the steady-state
 * count), whether it injects noise after the initial draw, and its expected convergence order on smooth problems (weak
 * order for stochastic integrators). Read by the registry listing ({@code difflab list integrators}), the conformance
 * suite (NFE and order checks) and the claims; {@link Integrator#name()} and its siblings are shorthands for these fields.
 *
 * @param name          registered name, e.g. {@code ddim}
 * @param nfePerStep    model evaluations per step, an integer &gt;= 1
 * @param stochastic    whether noise is injected after the initial draw
 * @param expectedOrder expected order, finite and &gt;= 0 (0: no rate is claimed)
 */
public record IntegratorInfo(String name, int nfePerStep, boolean stochastic, double expectedOrder) {

    public IntegratorInfo {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name = '" + name + "' is not allowed: a non-blank integrator name");
        }
        Require.positive("nfePerStep", nfePerStep);
        Require.nonNegative("expectedOrder", expectedOrder);
    }

    /** An integrator that injects no noise after the initial draw (an ODE sampler). */
    public static IntegratorInfo deterministic(String name, int nfePerStep, double expectedOrder) {
        return new IntegratorInfo(name, nfePerStep, false, expectedOrder);
    }

    /** An integrator that injects noise at every step (an SDE sampler). */
    public static IntegratorInfo stochastic(String name, int nfePerStep, double expectedOrder) {
        return new IntegratorInfo(name, nfePerStep, true, expectedOrder);
    }
}
