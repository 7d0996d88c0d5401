package org.difflab.dsl.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The configurations of poissonMidpoint that DecisionConformanceTest does not run (it runs the defaults, and per-sample
 * selection with lambda = 2 in its decision-path check): dense noise, and one midpoint per sample. Batch invariance runs on
 * {@link DecisionConformanceTest#shortChain()}, where a 1000-row batch with per-sample selections stays cheap. Each must be deterministic, batch invariant and spend exactly steps + midpoints.
 */
class PoissonMidpointConformanceTest {

    @ParameterizedTest
    @ValueSource(strings = {"poissonMidpoint:noise=dense", "poissonMidpoint:select=one,share=sample"})
    void deterministicBatchInvariantAndCounted(String spec) {
        Integrator integrator = Integrators.parse(spec);
        CheckResult batch = Conformance.batchInvariance(integrator, DecisionConformanceTest::shortChain, "ring8 over a 100-step DDPM chain");
        for (CheckResult r : new CheckResult[] {Conformance.determinism(integrator), batch, Conformance.nfe(integrator)}) {
            System.out.println(spec + ": " + r);
            assertThat(r.verdict()).as(r.toString()).isEqualTo(CheckResult.Verdict.PASS);
        }
    }
}
