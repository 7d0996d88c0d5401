package org.difflab.dsl.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Discrete schedules whose signal underflows are refused up front (issue 26): linear:T=10000000 ended in "ddim produced
 * NaN at step 1" because ln abar_T = -100,500 makes alpha(T) = 0 and the denoised estimate divides by it. The refusal
 * names T and suggests a step count that is then accepted; betas that fall (b0 &gt; b1) are refused naming b0.
 */
class TerminalSignalRangeTest {
    @Test
    void aTerminalSignalBelowTheDoubleRangeIsRefusedWithAStepCountThatWorks() {
        Throwable e = catchThrowable(() -> Schedules.parse("linear:T=10000000"));
        assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("T = 10000000 is not allowed with these betas: "
                + "the signal left at the end, abar_T = exp(-1").hasMessageMatching("(?s).*abar_T = exp\\(-10\\d{4}(\\.\\d+)?\\), is below exp\\(-700\\).*");
        Matcher suggested = Pattern.compile("use at most about (\\d+) steps").matcher(e.getMessage());
        assertThat(suggested.find()).as(e.getMessage()).isTrue();
        int t = Integer.parseInt(suggested.group(1));
        assertThat(t).isBetween(60_000, 80_000);
        DiscreteSchedule ok = (DiscreteSchedule) Schedules.parse("linear:T=" + t);
        double alpha = ok.alpha(ok.tMax());
        assertThat(alpha).isPositive();
        assertThat(1 / (alpha * alpha)).isFinite();
        assertThat(ok.sigma(ok.tMax()) / alpha).isFinite();
    }

    @Test
    void theLimitSitsAtAbarOfExpMinus700() {
        // ln(1 - 0.5) = -0.693 a step: 1009 steps reach ln abar = -699.4, 1011 reach -700.8
        assertThat(Schedules.linearBeta(0.5, 0.5, 1000).alpha(1000)).isPositive();
        assertThatThrownBy(() -> Schedules.linearBeta(0.5, 0.5, 1011)).hasMessageStartingWith("T = 1011 is not allowed")
                .hasMessageContaining("use at most about 1009 steps");
        assertThat(Schedules.linearBeta(0.5, 0.5, 1009).alphaBar(1009)).isGreaterThan(Math.exp(-700));
    }

    @Test
    void fallingBetasAreRefusedNamingB0() {
        assertThatThrownBy(() -> Schedules.parse("linear:b0=0.02,b1=1e-4"))
                .hasMessageStartingWith("b0 = 0.02 is not allowed with b1 = 1.0E-4: must be at most b1");
        assertThatThrownBy(() -> Schedules.parse("sqrtlinear:b0=0.012,b1=0.00085"))
                .hasMessageStartingWith("b0 = 0.012 is not allowed with b1 = 8.5E-4: must be at most b1");
        assertThat(Schedules.parse("linear:b0=0.01,b1=0.01").alpha(1000)).isPositive();
    }
}
