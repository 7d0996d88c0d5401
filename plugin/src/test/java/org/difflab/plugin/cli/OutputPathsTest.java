package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output paths refused before any work, and check's report of the claims measured before Ctrl-C. */
class OutputPathsTest {
    @TempDir
    Path dir;

    @Test
    void emptyFolderAndMisnamedPathsAreRefusedNamingTheOption() throws IOException {
        assertThatThrownBy(() -> OutputPaths.folder("--report", Path.of(""))).hasMessage("--report = '' is not allowed: give a path (use . "
                + "for the current folder)");
        assertThatThrownBy(() -> OutputPaths.file("--json", dir, ".json")).hasMessageContaining("must be a file name ending in .json");
        assertThatThrownBy(() -> OutputPaths.file("--json", dir)).hasMessageContaining("--json = " + dir + " is not allowed: it is a folder");
        assertThatThrownBy(() -> OutputPaths.file("--plot", dir.resolve("no/p.png"), ".png")).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> OutputPaths.file("--plot", dir.resolve(".png"), ".png")).hasMessageContaining("must be a file name ending");
        Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> OutputPaths.folder("--out", dir.resolve("f"))).hasMessageContaining("it is a file, not a folder");
        assertThat(OutputPaths.file("--plot", dir.resolve("p.png"), ".png")).isEqualTo(dir.resolve("p.png"));
    }

    @Test
    void commandsRefuseAnEmptyOutputPathBeforeAnyWork() {
        for (String[] line : new String[][] {{"check", "--claim", "order-ddim", "--report", ""}, {"check", "--claim", "order-ddim", "--json", ""},
                {"bench", "--json", ""}, {"converge", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps", "10,20", "--plot", ""},
                {"sweep", "--out", ""}}) {
            Cli r = Cli.run(line);
            assertThat(r.exitCode()).as(String.join(" ", line) + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).startsWith("difflab: error: --").contains("= '' is not allowed");
        }
    }

    /**
     * Interrupted while its second claim runs, check writes the report of the first and names the second as not measured. One worker, so that the
     * second claim starts only after the first is reported (with two, both may end before the interrupt lands).
     */
    @Test
    void anInterruptedCheckKeepsTheClaimsMeasuredBefore() throws Exception {
        Path report = dir.resolve("r");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AtomicInteger code = new AtomicInteger(-1);
        Thread run = new Thread(() -> code.set(DiffLabCommand.newCommandLine().setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute("check", "--claim", "order-pf-euler", "--claim", "order-heun", "--workers", "1", "--report",
                        report.toString())));
        run.start();
        while (run.isAlive() && !out.toString().contains("order-pf-euler ")) {
            Thread.sleep(20);
        }
        run.interrupt();
        run.join(60_000);
        assertThat(code.get()).as(err.toString()).isEqualTo(ErrorReporter.INTERRUPTED);
        assertThat(err.toString()).contains("difflab: interrupted: ").contains("the report holds the 1 claim measured before; not measured: "
                + "order-heun");
        assertThat(Files.readAllLines(report.resolve("claims.csv"))).hasSize(2).last().asString().startsWith("order-pf-euler");
    }
}
