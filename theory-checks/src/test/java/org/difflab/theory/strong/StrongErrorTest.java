package org.difflab.theory.strong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;

/**
 * Strong orders on N(1, 0.05 I) in 2-D, VP schedule, uniform grid, shared initial noise and Brownian path:
 * DDIM and probability-flow Euler are first order and Heun second order against Heun at 4096 steps; Euler-Maruyama
 * (additive noise) against itself at 4096 steps is asserted only above 0.75 (measured: 1.16, local slopes 1.0-1.6, the strong order 1 of EM with additive noise) and printed.
 */
class StrongErrorTest {

    @Test
    void deterministicIntegratorsHaveTheirOrders() {
        StrongErrorResult r = StrongError.study(Integrators.ddim(), Integrators.probabilityFlowEuler(), Integrators.heun())
                .target(Targets.gaussian(2, 1, 0.05)).schedule(Schedules.vp()).grid(Grids.uniform(10))
                .steps(16, 32, 64, 128, 256).reference(Integrators.heun(), 4096).samples(64).seed(3).run();
        System.out.println(r);
        assertThat(r.of(Integrators.ddim().spec()).fit().order()).isBetween(0.8, 1.2);
        assertThat(r.of("probabilityFlowEuler").fit().order()).isBetween(0.8, 1.2);
        assertThat(r.of("heun").fit().order()).isBetween(1.7, 2.3);
        assertThat(r.of("heun").points().get(0).nfe()).isPositive();
    }

    @Test
    void eulerMaruyamaConvergesStronglyOnTheBrownianPath() {
        StrongErrorResult r = StrongError.study(Integrators.eulerMaruyama())
                .target(Targets.gaussian(2, 1, 0.05)).schedule(Schedules.vp()).grid(Grids.uniform(10))
                .steps(16, 32, 64, 128, 256).reference(4096).samples(64).seed(3).run();
        System.out.println(r);
        StrongErrorResult.Series em = r.series().values().iterator().next();
        assertThat(em.stochastic()).isTrue();
        assertThat(em.fit().order()).isGreaterThan(0.75);
    }

    @Test
    void rejectsMismatchedReferenceAndBadArguments() {
        StrongError s = StrongError.study(Integrators.eulerMaruyama()).target(Targets.gaussian(1)).steps(2, 4)
                .reference(Integrators.heun(), 8).samples(2);
        assertThatThrownBy(s::run).hasMessageContaining("reference heun is deterministic")
                .hasMessageContaining("is stochastic");
        assertThatThrownBy(() -> StrongError.study(Integrators.heun()).steps(4, 4)).hasMessageContaining("steps[1] = 4");
        assertThatThrownBy(() -> StrongError.study(Integrators.heun()).target(Targets.gaussian(1)).steps(2, 4).reference(4).run())
                .hasMessageContaining("reference steps = 4");
        assertThatThrownBy(() -> StrongError.study(Integrators.heun()).steps(2, 4).run()).hasMessageContaining("model (or target)");
    }
}
