package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 26 on {@code difflab sample}: the memory budget, output paths checked first, files whole or absent, streaming. */
class SampleLimitsTest {
    @TempDir
    Path dir;

    private static String[] sample(String target, int steps, int n, String... extra) {
        return Stream.concat(Stream.of("sample", "--target", target, "--integrator", "ddim", "--steps", Integer.toString(steps), "--n",
                Integer.toString(n)), Stream.of(extra)).toArray(String[]::new);
    }

    private void nothingWritten() throws IOException {
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).as("files left in the output folder").isEmpty();
        }
    }

    @Test
    void aGridBeyondTheHeapIsRefusedUpFrontWithItsEstimate() throws IOException {
        Cli r = Cli.run(sample("gaussian:d=2", 1_000_000_000, 3, "--out", dir.resolve("s.csv").toString()));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("difflab: error: sample --n 3 --steps 1000000000").contains("needs about 59.6 GiB of Java heap")
                .contains("--steps = 1000000000 grid and per-step arrays").contains("lower --n, --steps, --batch").hasLineCount(1);
        nothingWritten();
    }

    @Test
    void mixturesAndFullCovariancesBeyondMemoryAreRefusedNamingTheTarget() {
        Cli mixture = Cli.run(sample("gmm:d=100000,k=1000", 5, 3));
        assertThat(mixture.exitCode()).isEqualTo(2);
        assertThat(mixture.err()).contains("--target = gmm:d=100000,k=1000").contains("GiB");
        Cli full = Cli.run(sample("gaussian:d=100000,spread=20", 5, 3));
        assertThat(full.exitCode()).isEqualTo(2);
        assertThat(full.err()).contains("--target = gaussian:d=100000,spread=20 (a d x d covariance) needs an array of 1.00e+10 elements");
    }

    @Test
    void keptSamplesBeyondTheHeapPointToStreaming() {
        Cli r = Cli.run(sample("gaussian:d=2", 5, 500_000_000));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--n = 500000000 samples of 2 values (the target's d) kept").contains("--out FILE.csv|.npy (bounded memory)");
    }

    @Test
    void aBadSecondOutputLeavesNoFirstOutput() throws IOException {
        Cli r = Cli.run(sample("gaussian:d=2", 5, 3, "--out", dir.resolve("x.csv").toString(), "--plot", "/nonexistent-difflab/p.png"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("difflab: error: --plot = /nonexistent-difflab/p.png is not allowed: its folder /nonexistent-difflab does "
                + "not exist" + System.lineSeparator());
        nothingWritten();
        Path folder = Files.createDirectory(dir.resolve("d.csv"));
        Cli intoFolder = Cli.run(sample("gaussian:d=2", 5, 3, "--out", folder.toString()));
        assertThat(intoFolder.exitCode()).isEqualTo(2);
        assertThat(intoFolder.err()).contains("--out = " + folder + " is not allowed: it is a folder, not a file");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(folder);
        }
    }

    /** 2100 samples of d = 1000 in batches of 16 stream in chunks of 1040, 1040 and 20 rows: the bytes of one in-memory run. */
    @Test
    void aStreamedFileHoldsTheBytesOfTheRunKeptInMemory() throws IOException {
        Path streamed = dir.resolve("streamed.npy");
        Path kept = dir.resolve("kept.npy");
        assertThat(StreamedSamples.chunk(2100, 16, 1000)).isEqualTo(1040);
        Cli a = Cli.run(sample("gaussian:d=1000", 2, 2100, "--batch", "16", "--out", streamed.toString()));
        Cli b = Cli.run(sample("gaussian:d=1000", 2, 2100, "--batch", "16", "--out", kept.toString(), "--plot", dir.resolve("p.png").toString()));
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        assertThat(a.out()).startsWith("sampled n=2100 dim=1000 integrator=ddim:eta=0.0 steps=2 nfe=2 ");
        assertThat(Files.mismatch(streamed, kept)).isEqualTo(-1);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("streamed.npy", "kept.npy", "p.png");
        }
    }

    @Test
    void scalesThatOverflowTheTypeAreRefusedNamingTheKeyAndFarScalesWarned() {
        Cli huge = Cli.run(sample("gaussian:d=2,mean=1e200", 5, 4));
        assertThat(huge.exitCode()).isEqualTo(2);
        assertThat(huge.err()).isEqualTo("difflab: error: --target = gaussian:d=2,mean=1e200 is not allowed: mean = 1e200 overflows float32 when "
                + "squared (scales up to 1e+18); use --dtype float64 or a smaller mean" + System.lineSeparator());
        Cli far = Cli.run(sample("gaussian:d=2,mean=1e5", 5, 4));
        assertThat(far.exitCode()).as(far.err()).isZero();
        assertThat(far.err()).startsWith("difflab: warning: --target mean = 1e5 is far above the prior's scale (std 1.00)");
    }

    @Test
    void anUncommittedStageLeavesNothing() throws IOException {
        Path target = dir.resolve("a.csv");
        try (StagedFiles files = new StagedFiles()) {
            files.stage("--out", target, temp -> Files.writeString(temp, "x0\n1\n"));
            try (Stream<Path> staged = Files.list(dir)) {
                assertThat(staged.map(p -> p.getFileName().toString())).singleElement().asString().startsWith(".").endsWith(".tmp-a.csv");
            }
        }
        nothingWritten();
    }
}
