package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** picocli's usage errors in DiffLab's words, with the closest valid name; --version on every subcommand. */
class UsageErrorsTest {

    private static String error(String... args) {
        Cli r = Cli.run(args);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        return r.err().lines().findFirst().orElseThrow();
    }

    @Test
    void aMistypedCommandIsAnsweredWithTheClosestCommand() {
        assertThat(error("sampl")).isEqualTo("difflab: error: unknown command 'sampl': use one of list, sample, check, eval, converge, langevin, "
                + "train, kernel, bench, sweep, cluster; did you mean 'sample'?");
    }

    @Test
    void anUnknownOptionIsReportedBeforeTheRequiredOptionItLeftMissing() {
        assertThat(error("sample", "-n", "5", "--target", "gaussian", "--integrator", "ddim", "--steps", "3"))
                .isEqualTo("difflab: error: unknown option '-n' for 'difflab sample'; did you mean '--n'?");
        assertThat(error("sample", "--stpes", "3", "--target", "gaussian", "--integrator", "ddim", "--n", "3"))
                .endsWith("did you mean '--steps'?");
    }

    @Test
    void numbersBeyondTheirTypeAndRepeatedOrMissingOptionsNameTheOption() {
        assertThat(error("sample", "--target", "gaussian", "--integrator", "ddim", "--steps", "99999999999", "--n", "3"))
                .isEqualTo("difflab: error: --steps = 99999999999 is not allowed: must be a whole number from -2147483648 to 2147483647");
        assertThat(error("sample", "--target", "gaussian", "--integrator", "ddim", "--steps", "3", "--n", "3", "--n", "4"))
                .isEqualTo("difflab: error: --n is given more than once: give it once");
        assertThat(error("sample", "--target", "gaussian", "--integrator", "ddim", "--n", "3")).startsWith("difflab: error: missing option --steps");
    }

    @Test
    void aValueOutsideAnEnumIsAnsweredWithTheClosestValue() {
        assertThat(error("list", "integrator")).isEqualTo("difflab: error: WHAT = integrator is not allowed: must be one of integrators, schedules, "
                + "targets, grids, langevin or an entry's name (see 'difflab list'); did you mean 'integrators'?");
    }

    @Test
    void everySubcommandAnswersVersion() {
        for (String[] line : new String[][] {{"sample", "--version"}, {"eval", "--version"}, {"kernel", "install", "--version"}, {"sweep", "--version"}}) {
            Cli r = Cli.run(line);
            assertThat(r.exitCode()).isZero();
            assertThat(r.out()).as(String.join(" ", line)).isEqualTo("difflab 0.1.0" + System.lineSeparator());
        }
    }
}
