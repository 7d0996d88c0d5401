package org.difflab.theory.convergence;

import java.util.Map;

/**
 * A study's series looked up by the spec string of the integrator that ran it, with the error that lists the specs
 * there are: shared by the convergence, strong-error and complexity results.
 */
public final class SeriesBySpec {
    private SeriesBySpec() {}

    /** The series of {@code integratorSpec} in {@code series}; refused, naming the specs there are, when it has none. */
    public static <S> S get(Map<String, S> series, String integratorSpec) {
        S s = series.get(integratorSpec);
        if (s == null) {
            throw new IllegalArgumentException("integratorSpec = '" + integratorSpec + "' is not allowed: one of " + series.keySet());
        }
        return s;
    }
}
