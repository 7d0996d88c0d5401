package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code difflab sweep} end to end on local[2]; bad grids and masters exit with 2 and one line, before Spark starts. */
class SweepCommandTest {
    @TempDir
    Path dir;

    @Test
    void aGridFileWithOptionsRunsAndWritesTheTableFitsAndPlots() throws IOException {
        Path grid = dir.resolve("orders.grid");
        Files.writeString(grid, """
                # orders of two samplers
                target     = gaussian:mean=1,var=0.05
                dims       = 2
                integrator = ddim, heun
                steps      = 4, 8
                """);
        Path out = dir.resolve("out");
        Cli r = Cli.run("sweep", "--file", grid.toString(), "--steps", "8,16,32,64", "--master", "local[2]", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("sweep: 8 cells on local[2]", "spark: starting local[2] (in this JVM)", "sweep: 8/8 cells");
        assertThat(r.out()).contains("sweep of 8 cells on local[2] (1 executor,", "w2 on gaussian:d=2,mean=1,var=0.05",
                "wrote 5 files to " + out);
        assertThat(r.out()).containsPattern("heun +64 +9\\.[0-9]+e-04 +128").containsPattern("heun +fit vs h = 1/T: order 1\\.9[0-9]{2}, 95% CI");
        assertThat(Files.readAllLines(out.resolve("sweep.csv"))).hasSize(9);
        assertThat(out.resolve("sweep.parquet")).isNotEmptyFile();
        assertThat(out.resolve("errors-w2-on-gaussian-d-2-mean-1-var-0.05.png")).isNotEmptyFile();
        assertThat(out.resolve("work-precision-w2-on-gaussian-d-2-mean-1-var-0.05.png")).isNotEmptyFile();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--integrator|ddim,nosuch|--integrator = nosuch is not allowed",
            "--steps|''|--steps is empty, which is not allowed: give at least one step count",
            "--steps|8,0|--steps = 0 is not allowed: must be an integer >= 1",
            "--target|gmm:preset=ring8|cell (target=gmm:preset=ring8, metric=w2) is not allowed: w2 is an exact metric and needs a Gaussian target",
            "--master|yarn|--master = yarn is not allowed (a Spark master DiffLab does not start",
            "--master|spark://host|--master = spark://host is not allowed: 'host' is not HOST:PORT",
            "--conf|executor.memory=4g|--conf executor.memory is not allowed: Spark properties start with 'spark.'"})
    void aBadGridOrMasterExitsWith2InOneLineBeforeSparkStarts(String option, String value, String message) {
        List<String> line = List.of("sweep", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps", "8,16", "--out", dir.toString());
        Cli r = Cli.run(Cli.withOption(line, option, value));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("difflab: error: " + message).doesNotContain("spark: starting", "\tat ");
        assertThat(dir.resolve("sweep.csv")).doesNotExist();
    }

    @Test
    void anUnreachableMasterFailsWithinTheConnectTimeout() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Cli r = Cli.run("sweep", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps", "8,16", "--master", "spark://127.0.0.1:" + port,
                "--connect-timeout", "2", "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("difflab: error: --master = spark://127.0.0.1:" + port + " is not reachable within 2.0 s");
    }

    @Test
    void aCellThatFailsOnItsInputStopsTheSweepNamingTheCell() {
        Cli r = Cli.run("sweep", "--target", "gaussian:d=2", "--integrator", "paradigms:sampler=ddim,window=4", "--steps", "8,16", "--master",
                "local[1]", "--out", dir.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).containsPattern("difflab: error: cell [12] of 2 \\(target=gaussian:d=2, integrator=paradigms:[^)]*, metric=w2, "
                + "steps=(8|16)\\) failed: integrator = paradigms").doesNotContain("\tat ");
        assertThat(r.err().lines().filter(l -> l.startsWith("difflab: error:"))).hasSize(1);
    }

    /** Monte Carlo cells that cannot fit as many times as run at once are refused with the estimate before Spark starts. */
    @Test
    void aSweepOverTheMemoryBudgetIsRefusedBeforeSparkStarts() {
        Path out = dir.resolve("big");
        Cli r = Cli.run("sweep", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps", "8", "--metric", "mmd2", "--n", "500000000",
                "--master", "local[1]", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines()).singleElement().asString().startsWith("difflab: error: sweep with --n 500000000 and d = 2 on --master local[1] "
                + "needs about ").contains("1 cell at once (--master local[1]) x --n = 500000000 samples of d = 2 and as many target samples",
                "lower --n, --dims or the cells at once (--master local[1])");
        assertThat(r.err()).doesNotContain("spark: starting");
        assertThat(out).doesNotExist();
    }
}
