package org.difflab.dsl.grid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.junit.jupiter.api.Test;

class GridTest {

    // On DDPM-1000 a 1000-step uniform grid is the full training chain 1000, 999, ..., 1, then the jump to 0.
    @Test
    void uniformWithAllStepsIsTheFullChain() {
        TimeGrid g = Grids.uniform(1000).on(Schedules.ddpm());
        assertThat(g.steps()).isEqualTo(1000);
        double[] t = g.times();
        assertThat(t).hasSize(1001);
        for (int i = 0; i <= 1000; i++) {
            assertThat(t[i]).isEqualTo(1000 - i);
        }
        assertThat(g.end()).isZero();
        assertThat(g.level(1).alphaBar()).isCloseTo(Schedules.ddpm().alphaBar(999), within(1e-15));
    }

    // Fewer steps give a respaced subset of training indices: integers, strictly decreasing, 1000 .. 1, 0.
    @Test
    void uniformWithFiftyStepsRoundsToTrainingIndices() {
        double[] t = Grids.uniform(50).on(Schedules.ddpm()).times();
        assertThat(t).hasSize(51);
        assertThat(t[0]).isEqualTo(1000);
        assertThat(t[49]).isEqualTo(1);
        assertThat(t[50]).isZero();
        for (int i = 0; i < t.length; i++) {
            assertThat(t[i]).isEqualTo(Math.rint(t[i]));
            if (i > 0) {
                assertThat(t[i]).isLessThan(t[i - 1]);
                // spacing 999/49 = 20.39 before rounding
                if (i < 50) {
                    assertThat(t[i - 1] - t[i]).isBetween(20.0, 21.0);
                }
            }
        }
    }

    // endingAtTMin drops the final jump: on li:T=100, 99 steps visit every index 100..1 (law(X_1)).
    @Test
    void endingAtTMinStopsAtTheLastTrainingIndex() {
        GridSpec spec = Grids.uniform(99).endingAtTMin();
        assertThat(spec.finalJump()).isFalse();
        TimeGrid g = spec.on(Schedules.li(100, 2, 6));
        assertThat(g.steps()).isEqualTo(99);
        double[] t = g.times();
        for (int i = 0; i < 100; i++) {
            assertThat(t[i]).isEqualTo(100 - i);
        }
        assertThat(g.end()).isEqualTo(1);
    }

    // Karras et al. (2022) eq. 5: sigma_i = (smax^(1/rho) + i/(N-1) (smin^(1/rho) - smax^(1/rho)))^rho, sigma_N = 0;
    // on EDM, t = sigma.
    @Test
    void karrasOnEdmMatchesEquationFive() {
        int n = 18;
        double rho = 7;
        double smin = 0.002;
        double smax = 80;
        double[] t = Grids.karras(n, rho).on(Schedules.edm()).times();
        assertThat(t).hasSize(n + 1);
        for (int i = 0; i < n; i++) {
            double expected = Math.pow(Math.pow(smax, 1 / rho) + (double) i / (n - 1) * (Math.pow(smin, 1 / rho) - Math.pow(smax, 1 / rho)), rho);
            assertThat(t[i]).as("sigma_%d", i).isCloseTo(expected, within(1e-12));
        }
        assertThat(t[n]).isZero();
    }

    // The log-SNR grid is uniform in lambda = ln(alpha/sigma) between tMax and tMin (on VP: non-uniform in t).
    @Test
    void logSnrGridIsUniformInLambda() {
        NoiseSchedule vp = Schedules.vp();
        TimeGrid g = Grids.logSnr(25).on(vp);
        assertThat(g.steps()).isEqualTo(25);
        double h = (vp.lambda(vp.tMin()) - vp.lambda(vp.tMax())) / 24;
        for (int i = 1; i < 25; i++) {
            assertThat(vp.lambda(g.t(i)) - vp.lambda(g.t(i - 1))).isCloseTo(h, within(1e-8));
        }
        assertThat(g.t(24)).isEqualTo(vp.tMin());
        assertThat(g.end()).isZero();
        // and not uniform in t
        assertThat(g.t(0) - g.t(1)).isNotCloseTo(g.t(22) - g.t(23), within(1e-3));
    }

    // Quadratic grid: t_i = tMin + (tMax - tMin) (1 - i/(m-1))^2, finer near the data.
    @Test
    void quadraticGridOnVp() {
        NoiseSchedule vp = Schedules.vp();
        double[] t = Grids.quadratic(10).on(vp).times();
        for (int i = 0; i < 10; i++) {
            double u = 1 - i / 9.0;
            assertThat(t[i]).isCloseTo(vp.tMin() + (1 - vp.tMin()) * u * u, within(1e-15));
        }
    }

    // Power grid (the Poisson-midpoint block layouts): p = 1 gives equal blocks 1000, 960, ..., 40, 0 on DDPM-1000 with
    // 25 steps; p = 2 the quadratic blocks round(1000 (k/25)^2) of poisson_midpoint.md section 3.1, which the quadratic
    // rule (24 quadratic steps to tMin = 1, then the jump) does not give.
    @Test
    void powerGridGivesTheBlockLayoutsOfThePoissonMidpointNote() {
        double[] equal = Grids.power(25, 1).on(Schedules.ddpm()).times();
        double[] quad = Grids.power(25, 2).on(Schedules.ddpm()).times();
        for (int k = 25; k >= 0; k--) {
            assertThat(equal[25 - k]).isEqualTo(40.0 * k);
            assertThat(quad[25 - k]).isEqualTo(Math.rint(1000 * (k / 25.0) * (k / 25.0)));
        }
        assertThat(quad).endsWith(40, 26, 14, 6, 2, 0);
        assertThat(Grids.quadratic(25).on(Schedules.ddpm()).times()).endsWith(29, 17, 8, 3, 1, 0);
        // rounded as round(1000 * (k/40) ** 2) in Python, whose k = 2 value is 2.5000000000000004
        double[] forty = Grids.power(40, 2).on(Schedules.ddpm()).times();
        assertThat(forty).endsWith(16, 10, 6, 3, 1, 0);
        // without the final jump p = 2 is the quadratic rule ending at tMin; on a continuous schedule nothing is rounded
        double[] a = Grids.power(12, 2).endingAtTMin().on(Schedules.vp()).times();
        double[] b = Grids.quadratic(12).endingAtTMin().on(Schedules.vp()).times();
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(b[i], within(1e-15));
        }
        assertThat(Grids.parse("power:p=1", 25).on(Schedules.ddpm()).times()).containsExactly(equal);
        // the last positive point may not fall below tMin: 1000/45^2 = 0.49 rounds to 0
        assertThatThrownBy(() -> Grids.power(45, 2).on(Schedules.ddpm())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("steps = 45").hasMessageContaining("tMin");
        assertThat(Grids.power(44, 2).on(Schedules.ddpm()).t(43)).isEqualTo(1);
    }

    // A respaced grid visits the given indices in decreasing order, then jumps to 0 (or stops at the last index).
    @Test
    void respacedGridVisitsTheGivenIndices() {
        TimeGrid g = Grids.respaced(500, 1, 1000, 250, 750).on(Schedules.ddpm());
        assertThat(g.times()).containsExactly(1000, 750, 500, 250, 1, 0);
        assertThat(g.steps()).isEqualTo(5);
        TimeGrid h = Grids.respaced(500, 1, 1000, 250, 750).endingAtTMin().on(Schedules.ddpm());
        assertThat(h.times()).containsExactly(1000, 750, 500, 250, 1);
        assertThatThrownBy(() -> Grids.respaced(10, 20).on(Schedules.vp()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("schedule");
    }

    // More steps than distinct training indices cannot be placed; the message names the step count.
    @Test
    void tooManyStepsOnADiscreteScheduleFail() {
        assertThatThrownBy(() -> Grids.uniform(1001).on(Schedules.ddpm()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("steps = 1001").hasMessageContaining("1000");
        assertThatThrownBy(() -> Grids.uniform(100).endingAtTMin().on(Schedules.li(100, 2, 6)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("steps = 100");
    }

    // Spec strings build the documented rules; withSteps keeps the rule.
    @Test
    void specsParse() {
        for (String text : Grids.specs().keySet()) {
            GridSpec g = Grids.parse(text, 12);
            assertThat(text).startsWith(g.name());
            assertThat(g.steps()).isEqualTo(12);
            assertThat(g.withSteps(30).steps()).isEqualTo(30);
            assertThat(g.withSteps(30).name()).isEqualTo(g.name());
            assertThat(g.on(Schedules.vp()).steps()).isEqualTo(12);
        }
        double[] a = Grids.parse("karras:rho=3", 8).on(Schedules.edm()).times();
        double[] b = Grids.karras(8, 3).on(Schedules.edm()).times();
        assertThat(a).containsExactly(b);
    }
}
