package org.difflab.theory.convergence;

import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A study's outcome as one series per integrator, keyed by the spec string of the integrator that ran it: shared by the
 * convergence, strong-error and complexity results (their series and their printed tables differ, the lookup does not).
 *
 * @param <S> the study's series
 */
public interface SeriesBySpec<S extends SeriesBySpec.IntegratorSeries> {

    /** One integrator's series: what the lookup and the listing need of it. */
    interface IntegratorSeries {
        /** The spec string of the integrator that ran it. */
        String integrator();
    }

    /** The series by integrator spec. */
    Map<String, S> series();

    /** The series of an integrator by its spec string. */
    default S of(String integratorSpec) {
        return get(series(), integratorSpec);
    }

    /** The series in the order of their integrators' specs (as the printed tables list them). */
    default Stream<S> byIntegrator() {
        return series().values().stream().sorted(Comparator.comparing(IntegratorSeries::integrator));
    }

    /** The series of {@code integratorSpec} in {@code series}; refused, naming the specs there are, when it has none. */
    static <S> S get(Map<String, S> series, String integratorSpec) {
        S s = series.get(integratorSpec);
        if (s == null) {
            throw new IllegalArgumentException("integratorSpec = '" + integratorSpec + "' is not allowed: one of " + series.keySet());
        }
        return s;
    }
}
