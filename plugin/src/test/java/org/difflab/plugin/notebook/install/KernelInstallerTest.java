package org.difflab.plugin.notebook.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The kernelspec's SIGINT reset gives a kernel started with SIGINT ignored its default back. */
class KernelInstallerTest {

    /** Runs {@code sh -c "trap '' INT; exec PREFIX sh -c 'kill -INT $$; echo survived'"}: exit code and output. */
    private static String underIgnoredSigint(List<String> prefix) throws Exception {
        String inner = String.join(" ", prefix) + " sh -c 'kill -INT $$; echo survived'";
        List<String> cmd = new ArrayList<>(List.of("sh", "-c", "trap '' INT; exec " + inner));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return ("exit " + p.exitValue() + ": " + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).trim();
    }

    @Test
    void theResetUndoesAnIgnoredSigint() throws Exception {
        List<String> reset = KernelInstaller.sigintReset();
        assertThat(reset).as("GNU env with --default-signal (coreutils 8.31+, Debian's)").containsExactly("/usr/bin/env", "--default-signal=INT");
        assertThat(underIgnoredSigint(List.of())).as("without it SIGINT stays ignored").isEqualTo("exit 0: survived");
        assertThat(underIgnoredSigint(reset)).as("with it SIGINT ends the process, as by default").isEqualTo("exit 130:");
    }
}
