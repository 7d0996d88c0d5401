package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.difflab.dsl.integrator.Integrators;
import org.junit.jupiter.api.Test;

class ListCommandTest {

    @Test
    void integratorsAreListedWithTheirProperties() {
        Cli r = Cli.run("list", "integrators");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("ddpm", "ddim", "eulerMaruyama", "probabilityFlowEuler", "heun", "dpmSolverPP2M",
                "dpmSolverPP2MSde", "NFE/step", "stochastic", "order");
        for (Integrators.Registration reg : Integrators.registrations()) {
            assertThat(r.out()).as("every registered integrator is listed").contains(reg.name());
        }
        assertThat(r.out().lines().filter(l -> l.startsWith("heun ")).findFirst()).hasValueSatisfying(
                l -> assertThat(l).contains(" 2 ", " no ", "2.0"));
    }

    @Test
    void everyCatalogueIsListedWhenNoneIsNamed() {
        Cli r = Cli.run("list");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Integrators", "Schedules", "Targets", "Grids", "linear:T=1000", "gmm:preset=ring8",
                "karras:rho=7");
    }

    @Test
    void unknownCatalogueIsAUsageError() {
        Cli r = Cli.run("list", "samplers");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).startsWith("difflab: error: ").contains("samplers", "integrators, schedules, targets, grids");
    }
}
