package org.difflab.dsl.langevin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.difflab.dsl.Langevin;
import org.difflab.dsl.integrator.RunContext;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fluent Langevin sampler: chains on a Gaussian mixture do not depend on the batch they land in, and the run's accounting. */
class LangevinSamplerTest {

    @ParameterizedTest
    @ValueSource(strings = {"ulmc", "randomizedMidpoint", "plmc:K=5", "plmc:K=5,select=one,noise=sparse,form=underdamped"})
    void chainsAreTheSameBitsWhateverTheBatchSize(String spec) {
        double[][] whole;
        try (Samples s = sampler(spec).batchSize(30).sample(30)) {
            whole = s.rows();
        }
        try (Samples s = sampler(spec).batchSize(7).sample(40)) {
            double[][] more = s.rows();
            for (int i = 0; i < whole.length; i++) {
                assertThat(more[i]).as("chain %d", i).containsExactly(whole[i]);
            }
        }
    }

    private static LangevinSampler sampler(String spec) {
        return Langevin.sampler().target(Targets.randomMixture(2, 3, 1, 0.5, 1)).integrator(LangevinIntegrators.parse(spec)).stepSize(0.05)
                .steps(10).seed(9);
    }

    @Test
    void reportsWhatTheRunSpent() {
        try (Samples s = Langevin.sampler().potential(Potentials.parse("doublewell:d=3,a=1")).integrator(LangevinIntegrators.parse("randomizedMidpoint"))
                .stepSize(0.01).steps(40).batchSize(16).seed(2).sample(40)) {
            assertThat(s.gradientsPerChain()).isEqualTo(80);
            assertThat(s.nfe()).isEqualTo(3 * 80);
            assertThat(s.dim()).isEqualTo(3);
            assertThat(s.toString()).contains("randomizedMidpoint:form=overdamped,noise=coupled", "doublewell:d=3,a=1.0");
            assertThat(s.counters()).containsEntry(RunContext.DRIFT_EVALUATIONS, 80L * 40);
            assertThat(s.problem()).isInstanceOf(LangevinProblem.class);
            assertThat(s.stepSize()).isEqualTo(0.01);
            assertThat(s.friction()).isEqualTo(2);
            assertThatThrownBy(s::schedule).isInstanceOf(IllegalStateException.class)
                    .hasMessage("schedule() is not allowed on the samples of a Langevin run: it describes a diffusion run");
        }
    }

    @Test
    void missingArgumentsAreNamed() {
        assertThatThrownBy(() -> Langevin.sampler().sample(10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("potential is missing");
        assertThatThrownBy(() -> Langevin.sampler().target(Targets.gaussian(1)).sample(0)).hasMessageContaining("n = 0");
        assertThatThrownBy(() -> Langevin.sampler().stepSize(-0.1)).hasMessageContaining("stepSize = -0.1");
        assertThatThrownBy(() -> Langevin.sampler().initialStd(Double.POSITIVE_INFINITY)).hasMessageContaining("initialStd = Infinity");
    }
}
