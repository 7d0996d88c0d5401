package org.difflab.dsl.control;

import org.difflab.dsl.Require;

/**
 * What an {@link EmbeddedPair} states about itself, once (as {@link org.difflab.dsl.integrator.IntegratorInfo} does
 * for integrators): its name, the variable its steps are sized in, the orders of its two solutions and the model
 * evaluations an attempt spends beyond the one at the step's start.
 *
 * @param name                  the pair's name, e.g. {@code heun}
 * @param variable              the step variable
 * @param higherOrder           order of the solution the run keeps, &gt; lowerOrder
 * @param lowerOrder            order of the embedded solution, &gt;= 1
 * @param evaluationsPerAttempt model evaluations per attempt beyond the reused one at the start, &gt;= 1
 */
public record PairInfo(String name, StepVariable variable, int higherOrder, int lowerOrder, int evaluationsPerAttempt) {

    public PairInfo {
        if (name == null || name.isBlank() || variable == null) {
            throw new IllegalArgumentException("name = '" + name + "', variable = " + variable + " are not allowed: a non-blank name and a variable");
        }
        Require.positive("lowerOrder", lowerOrder);
        Require.positive("evaluationsPerAttempt", evaluationsPerAttempt);
        if (higherOrder <= lowerOrder) {
            throw new IllegalArgumentException("higherOrder = " + higherOrder + " is not allowed: must exceed lowerOrder = " + lowerOrder);
        }
    }
}
