package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EvalCommandTest {

    @Test
    void printsTheMetricNfeAndMoments() {
        Cli r = Cli.run("eval", "--target", "gaussian:d=2,mean=1,var=0.05", "--integrator", "heun", "--steps", "80");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("w2 = 5.85", "NFE = 160", "output mean", "reference");
    }

    @Test
    void jsonWithABracketedMetricAndTheFinalJump() {
        Cli r = Cli.run("eval", "--target", "gaussian:d=1", "--integrator", "ddpm", "--steps", "20", "--reference", "x0", "--init", "prior",
                "--schedule", "linear:T=1000", "--grid", "uniform", "--metric", "kl", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("{").contains("\"metric\": \"kl\"", "\"nfe\": 20", "\"referenceVariance\": [");
    }
}
