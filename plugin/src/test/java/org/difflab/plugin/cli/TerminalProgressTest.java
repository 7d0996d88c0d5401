package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Targets;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {

    private static String run(long afterMillis) {
        StringWriter text = new StringWriter();
        try (Samples s = Diffusion.sampler().schedule(Schedules.ddpm()).target(Targets.gaussian(2)).integrator(Integrators.ddim())
                .grid(Grids.uniform(20)).seed(1).observer(new TerminalProgress(new PrintWriter(text), afterMillis, 0)).sample(4)) {
            assertThat(s.steps()).isEqualTo(20);
        }
        return text.toString();
    }

    @Test
    void longRunsRewriteOneLineAndEndIt() {
        String out = run(0);
        assertThat(out).startsWith("\r[#---").contains("\r[" + "#".repeat(30) + "] 20/20 steps ddim, 20 NFE, ");
        assertThat(out.split("\r", -1)).hasSize(21);
        assertThat(out).endsWith("s (samples from 0)\n");
    }

    @Test
    void shortRunsPrintNothing() {
        assertThat(run(60_000)).isEmpty();
    }
}
