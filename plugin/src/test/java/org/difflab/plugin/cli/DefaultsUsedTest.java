package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * sample (linear + uniform) and eval/converge (vp + logsnr) default to different schedules and grids: each says on
 * stderr, in one line, which defaults it used, and says nothing when both were given.
 */
class DefaultsUsedTest {
    @Test
    void evalNamesTheDefaultsItUsed() {
        Cli both = Cli.run("eval", "--target", "gaussian:d=1", "--integrator", "ddim", "--steps", "10");
        assertThat(both.exitCode()).as(both.err()).isZero();
        assertThat(both.err().lines().filter(l -> l.startsWith("difflab eval:")).toList()).containsExactly(
                "difflab eval: default --schedule vp, --grid logsnr (sample's defaults are linear:T=1000 and uniform)");
        Cli grid = Cli.run("eval", "--target", "gaussian:d=1", "--integrator", "ddim", "--steps", "10", "--schedule", "vp");
        assertThat(grid.err()).contains("difflab eval: default --grid logsnr (").doesNotContain("--schedule vp");
        Cli none = Cli.run("eval", "--target", "gaussian:d=1", "--integrator", "ddim", "--steps", "10", "--schedule", "vp", "--grid", "logsnr");
        assertThat(none.err()).doesNotContain("difflab eval: default");
    }

    @Test
    void sampleNamesItsOwnDefaults() {
        Cli r = Cli.run("sample", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps", "5", "--n", "4");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("difflab sample: default --schedule linear:T=1000, --grid uniform (eval and converge default to vp and logsnr)");
    }
}
