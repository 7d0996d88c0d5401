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

    /** 8 samples in batches of 4, 20 steps each. */
    private static String run(long afterMillis, boolean terminal) {
        StringWriter text = new StringWriter();
        try (Samples s = Diffusion.sampler().schedule(Schedules.ddpm()).target(Targets.gaussian(2)).integrator(Integrators.ddim())
                .grid(Grids.uniform(20)).seed(1).batchSize(4).observer(new TerminalProgress(new PrintWriter(text), 8, terminal, afterMillis, 0))
                .sample(8)) {
            assertThat(s.steps()).isEqualTo(20);
        }
        return text.toString();
    }

    @Test
    void onATerminalOneLineCountsTheWholeRunAcrossBatchesAndIsEndedOnce() {
        String out = run(0, true);
        assertThat(out).startsWith("\r[------------------------------] 0/8 samples, step 1 (5%) of the batch from 0, ddim").contains("] 4/8 samples, step 20 (100%) of the batch from 0, ddim")
                .contains("\r[" + "#".repeat(30) + "] 8/8 samples, step 20 (100%) of the batch from 4, ddim, 20 NFE, ");
        assertThat(out.split("\r", -1)).hasSize(41);
        assertThat(out.indexOf('\n')).as("one newline, at the end").isEqualTo(out.length() - 1);
    }

    @Test
    void inALogEveryUpdateIsAPlainLine() {
        String out = run(0, false);
        assertThat(out).doesNotContain("\r");
        assertThat(out.lines()).hasSize(40).last().asString().startsWith("[" + "#".repeat(30) + "] 8/8 samples");
    }

    @Test
    void shortRunsPrintNothing() {
        assertThat(run(60_000, true)).isEmpty();
    }
}
