package org.difflab.dsl.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.difflab.dsl.integrator.Integrators;
import org.junit.jupiter.api.Test;

class StepControllerTest {

    @Test
    void factorGrowsAcceptedStepsAtMostByMaxFactorAndNeverGrowsRejectedOnes() {
        StepController c = StepController.pi(1e-3, 1e-4);
        assertThat(c.factor(0, 1, 2)).isEqualTo(10.0);
        assertThat(c.factor(0.5, 1, 2)).isCloseTo(0.9 * Math.pow(0.5, -0.5), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.factor(1.5, 1, 2)).isLessThan(1).isGreaterThanOrEqualTo(0.2);
        assertThat(c.factor(Double.NaN, 1, 2)).isEqualTo(0.2);
        assertThat(c.accepts(Double.NaN)).isFalse();
        // the proportional term: a step after a larger previous error grows less than after a smaller one
        StepController pi = c.withCoefficients(0.4, 0.3);
        assertThat(pi.factor(0.5, 0.9, 2)).isGreaterThan(pi.factor(0.5, 0.1, 2));
        assertThat(pi.factor(0.5, 0.9, 2)).isCloseTo(0.9 * Math.pow(0.5, -0.35) * Math.pow(0.9, 0.2), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.factor(0.25, 0.01, 2)).isCloseTo(0.9 * 2, org.assertj.core.data.Offset.offset(1e-12)); // I control: no memory
    }

    @Test
    void specRoundTrips() {
        StepController c = StepController.parse("pi:rtol=1e-2,atol=1e-3,maxSteps=50");
        assertThat(c.rtol()).isEqualTo(1e-2);
        assertThat(c.maxSteps()).isEqualTo(50);
        assertThat(StepController.parse(c.spec())).isEqualTo(c);
        assertThat(AdaptiveSpec.parse("pi:rtol=1e-2,pair=dpm23").pairFor(Integrators.ddim()).name()).isEqualTo("dpm23");
        assertThat(AdaptiveSpec.parse("pi").pairFor(Integrators.heun()).name()).isEqualTo("heun");
    }

    @Test
    void badInputIsNamed() {
        assertThatThrownBy(() -> StepController.pi(0, 1e-4)).hasMessage("rtol = 0.0 is not allowed: must be a finite number > 0");
        assertThatThrownBy(() -> StepController.pi(Double.NaN, 1e-4)).hasMessageStartingWith("rtol = NaN is not allowed");
        assertThatThrownBy(() -> StepController.pi(1e-3, -1)).hasMessageStartingWith("atol = -1.0 is not allowed");
        assertThatThrownBy(() -> StepController.parse("pi:rtol=1e-3,safety=2")).hasMessage("safety = 2.0 is not allowed: must lie in (0, 1]");
        assertThatThrownBy(() -> StepController.parse("pid:rtol=1e-3")).hasMessageContaining("name = pid is not allowed: must be pi");
        assertThatThrownBy(() -> StepController.parse("pi:rtl=1e-3")).hasMessageContaining("unknown key 'rtl'");
        assertThatThrownBy(() -> AdaptiveSpec.parse("pi:pair=rk45")).hasMessageContaining("pair = rk45 is not allowed: must be one of heun");
        assertThatThrownBy(() -> EmbeddedPairs.of(Integrators.ddim()))
                .hasMessageContaining("integrator = ddim:eta=0.0 is not allowed with a step-size controller")
                .hasMessageContaining("allowed: heun (pair heun) or dpm2 (pair dpm12)");
    }
}
