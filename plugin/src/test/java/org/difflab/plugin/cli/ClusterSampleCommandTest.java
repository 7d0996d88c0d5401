package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code difflab sample --master local[2]} writes the bytes of the local run, for a target and for a network. */
class ClusterSampleCommandTest {
    private static final String CKPT = "../gpu-runtime/src/test/resources/fixtures/unet_fixture.ckpt";

    @TempDir
    Path dir;

    private Path sample(String name, List<String> line, boolean onSpark) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(line);
        args.addAll(List.of("--out", out.toString()));
        if (onSpark) {
            args.addAll(List.of("--master", "local[2]"));
        }
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.err()).isZero();
        if (onSpark) {
            assertThat(r.out()).contains("on local[2] (").contains(" partitions) -> " + out);
        }
        return out;
    }

    @Test
    void aTargetsSamplesOnSparkAreTheLocalFilesByteForByte() throws IOException {
        List<String> line = List.of("sample", "--target", "gmm:preset=ring8", "--integrator", "ddpm", "--steps", "20", "--n", "4096", "--seed", "1");
        for (String format : List.of("csv", "npy")) {
            Path local = sample("local." + format, line, false);
            Path spark = sample("spark." + format, line, true);
            assertThat(Files.readAllBytes(spark)).isEqualTo(Files.readAllBytes(local));
        }
        assertThat(Files.readAllLines(dir.resolve("spark.csv"))).hasSize(4097);
        assertThat(dir.toFile().list()).as("no temporary file left").allMatch(f -> !f.endsWith(".part"));
    }

    @Test
    void aNetworksSamplesAndImageGridOnSparkAreTheLocalFilesByteForByte() throws IOException {
        List<String> line = List.of("sample", "--model", CKPT, "--integrator", "ddim", "--steps", "4", "--n", "12", "--batch", "3", "--seed", "2");
        for (String format : List.of("npy", "png")) {
            Path local = sample("net-local." + format, line, false);
            Path spark = sample("net-spark." + format, line, true);
            assertThat(Files.readAllBytes(spark)).as(format).isEqualTo(Files.readAllBytes(local));
        }
    }

    @Test
    void aScatterPlotIsDrawnFromTheMergedRows() {
        Path plot = dir.resolve("ring.png");
        Cli r = Cli.run("sample", "--target", "gmm:preset=ring8", "--integrator", "heun", "--steps", "10", "--n", "500", "--plot", plot.toString(),
                "--master", "local[2]");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(plot).isNotEmptyFile();
        assertThat(r.err()).contains("sample: 4/4 partitions");
    }
}
