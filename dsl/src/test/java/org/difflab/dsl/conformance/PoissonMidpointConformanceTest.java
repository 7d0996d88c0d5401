package org.difflab.dsl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The configurations of poissonMidpoint that ConformanceTest (defaults only) does not run: per-sample selection
 * (the model evaluated on the whole batch at every index some sample selected, the correction masked), dense noise,
 * and one midpoint per sample. Each must be deterministic, batch invariant and spend exactly steps + midpoints.
 */
class PoissonMidpointConformanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"poissonMidpoint:lambda=2,share=sample", "poissonMidpoint:noise=dense", "poissonMidpoint:select=one,share=sample"})
    void deterministicBatchInvariantAndCounted(String spec) {
        Integrator integrator = Integrators.parse(spec);
        for (CheckResult r : new CheckResult[] {Conformance.determinism(integrator), Conformance.batchInvariance(integrator),
                Conformance.nfe(integrator)}) {
            System.out.println(spec + ": " + r);
            assertThat(r.verdict()).as(r.toString()).isEqualTo(CheckResult.Verdict.PASS);
        }
    }
}
