package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CheckCommandTest {

    @Test
    void printsOneRowPerIntegratorAndStepCount() {
        Cli r = Cli.run("check", "--n", "500");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("gaussian:d=2,mean=1.0,var=0.05", "|mean err|", "|var err|/var", "s.e.");
        assertThat(r.out().lines().filter(l -> l.matches("^\\S+\\s+\\d+\\s+\\d+\\s+.*"))).hasSize(7 * 5);
        assertThat(r.out().lines().filter(l -> l.startsWith("heun ") && l.contains(" 200 ") && l.contains(" 399 "))).hasSize(1);
    }
}
