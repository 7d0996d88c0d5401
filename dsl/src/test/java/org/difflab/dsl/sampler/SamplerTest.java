package org.difflab.dsl.sampler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;

class SamplerTest {

    @Test
    void firstSamplesDoNotDependOnHowManyAreDrawn() {
        double[][] small;
        try (Samples s = Diffusion.sampler().target(Targets.ring(8, 2, 0.01)).integrator(Integrators.heun())
                .grid(Grids.uniform(20)).seed(1).sample(50)) {
            small = s.rows();
            assertThat(s.nfe()).isEqualTo(39);
        }
        try (Samples s = Diffusion.sampler().target(Targets.ring(8, 2, 0.01)).integrator(Integrators.heun())
                .grid(Grids.uniform(20)).seed(1).batchSize(7).sample(100)) {
            double[][] big = s.rows();
            for (int i = 0; i < small.length; i++) {
                assertThat(big[i]).containsExactly(small[i]);
            }
        }
    }

    @Test
    void missingModelIsNamed() {
        assertThatThrownBy(() -> Diffusion.sampler().sample(10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model");
        assertThatThrownBy(() -> Diffusion.sampler().target(Targets.gaussian(2)).sample(0))
                .hasMessageContaining("n = 0");
    }
}
