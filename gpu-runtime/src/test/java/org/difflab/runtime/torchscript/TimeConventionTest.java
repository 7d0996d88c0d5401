package org.difflab.runtime.torchscript;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.Schedules;
import org.junit.jupiter.api.Test;

class TimeConventionTest {

    @Test
    void trainingIndexIsDiffLabsDiscreteTimeMinusOne() {
        TimeConvention index = TimeConvention.trainingIndex(1000);
        var ddpm = Schedules.ddpm();
        assertThat(index.networkTime(ddpm.level(1))).isEqualTo(0);      // abar_1 = 1 - beta_1: index 0 in Ho et al.'s code
        assertThat(index.networkTime(ddpm.level(1000))).isEqualTo(999);
        assertThat(index.networkTime(ddpm.level(500.5))).isEqualTo(499.5); // not rounded
        assertThat(ddpm.level(1).alphaBar()).isCloseTo(1 - 1e-4, within(1e-15));
        assertThat(index.describe()).isEqualTo("index:N=1000");
    }

    @Test
    void trainingIndexRejectsTimesTheNetworkWasNotTrainedAt() {
        TimeConvention index = TimeConvention.trainingIndex(1000);
        assertThatThrownBy(() -> index.networkTime(Schedules.ddpm().level(0.5))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t = 0.5").hasMessageContaining("indices 0..999").hasMessageContaining("[1, 1000]");
        assertThatThrownBy(() -> index.networkTime(new NoiseLevel(1001, 0.1, 0.99))).hasMessageContaining("t = 1001.0");
        assertThatThrownBy(() -> TimeConvention.trainingIndex(0)).hasMessageContaining("trainingSteps = 0");
    }

    @Test
    void continuousTimeIsTheSchedulesTimeScaled() {
        var vp = Schedules.vp();
        assertThat(TimeConvention.continuous(1).networkTime(vp.level(0.25))).isEqualTo(0.25);
        assertThat(TimeConvention.continuous(999).networkTime(vp.level(0.5))).isEqualTo(499.5);
        assertThat(TimeConvention.continuous(999).describe()).isEqualTo("continuous:scale=999.0");
        assertThatThrownBy(() -> TimeConvention.continuous(-1)).hasMessageContaining("scale = -1.0");
        assertThatThrownBy(() -> TimeConvention.continuous(1).networkTime(new NoiseLevel(Double.NaN, 1, 1)))
                .hasMessageContaining("t = NaN");
    }

    @Test
    void sigmaIsTheNoiseLevelOfXOverAlpha() {
        TimeConvention sigma = TimeConvention.sigma();
        assertThat(sigma.networkTime(Schedules.edm().level(2.5))).isEqualTo(2.5);
        NoiseLevel vp = Schedules.vp().level(0.5);
        assertThat(sigma.networkTime(vp)).isCloseTo(vp.sigma() / vp.alpha(), within(1e-15)).isGreaterThan(0.5);
        assertThat(sigma.describe()).isEqualTo("sigma");
        assertThatThrownBy(() -> sigma.networkTime(new NoiseLevel(1, 0, 1))).hasMessageContaining("sigma / alpha = Infinity")
                .hasMessageContaining("t = 1.0");
    }

    @Test
    void specsParseToTheConventionTheyDescribeAndBadSpecsAreNamed() {
        var ddpm = Schedules.ddpm();
        assertThat(TimeConvention.parse("index").describe()).isEqualTo("index:N=1000");
        assertThat(TimeConvention.parse("index:N=500").networkTime(ddpm.level(500))).isEqualTo(499);
        assertThat(TimeConvention.parse("continuous:scale=999").networkTime(Schedules.vp().level(0.5))).isEqualTo(499.5);
        assertThat(TimeConvention.parse("continuous").describe()).isEqualTo("continuous:scale=1.0");
        assertThat(TimeConvention.parse("sigma").networkTime(Schedules.edm().level(2.5))).isEqualTo(2.5);
        for (TimeConvention c : new TimeConvention[] {TimeConvention.trainingIndex(250), TimeConvention.continuous(2.5),
                TimeConvention.sigma()}) {
            assertThat(TimeConvention.parse(c.describe()).describe()).isEqualTo(c.describe());
        }
        assertThatThrownBy(() -> TimeConvention.parse("steps:N=3")).hasMessageContaining("name = steps")
                .hasMessageContaining("index, continuous or sigma");
        assertThatThrownBy(() -> TimeConvention.parse("index:N=0")).hasMessageContaining("time convention spec 'index:N=0': N = 0 is not allowed");
        assertThatThrownBy(() -> TimeConvention.parse("index:T=10")).hasMessageContaining("unknown key 'T'");
        assertThatThrownBy(() -> TimeConvention.parse("continuous:scale=x")).hasMessageContaining("scale = x");
    }
}
