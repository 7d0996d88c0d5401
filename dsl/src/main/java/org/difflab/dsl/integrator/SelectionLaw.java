package org.difflab.dsl.integrator;

import java.util.function.IntToDoubleFunction;

/**
 * How an integrator's auxiliary randomness enters its run, for integrators whose only auxiliary draws are independent
 * Bernoulli selections shared by the batch (each drawn as {@code uniformShared() < p}) that enter each step's map
 * affinely, such as the Poisson midpoint method's H_i: enough to average over them exactly instead of sampling them
 * (theory-checks' SelectionMoments).
 *
 * @param probability the selection probability of each draw of a step that makes the given number of selection draws
 * @param aligned     the integrator with the same law given its selections whose Gaussian draws do not depend on what is
 *                    selected (itself, or e.g. its dense-noise form), so that runs with different selections are comparable
 *                    draw by draw
 * @param <I>         the integrator type (a parameter, so that this record and the interface that returns it do not import
 *                    each other)
 */
public record SelectionLaw<I>(IntToDoubleFunction probability, I aligned) {

    public SelectionLaw {
        if (probability == null || aligned == null) {
            throw new IllegalArgumentException("probability = " + probability + ", aligned = " + aligned + " are not allowed: both non-null");
        }
    }
}
