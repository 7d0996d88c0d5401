package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleCommandTest {
    @TempDir
    Path dir;

    private Cli sample(int n, String... extra) {
        String[] base = {"sample", "--target", "gmm:preset=ring8", "--integrator", "heun", "--steps", "20", "--n",
                Integer.toString(n), "--seed", "3"};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void writesCsvAndPlotAndASummaryLine() throws IOException {
        Path csv = dir.resolve("s.csv");
        Path png = dir.resolve("s.png");
        Cli r = sample(300, "--out", csv.toString(), "--plot", png.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("n=300", "dim=2", "integrator=heun", "steps=20", "nfe=39", csv.toString(), png.toString());

        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(301);
        assertThat(lines.get(0)).isEqualTo("x0,x1");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            assertThat(cells).hasSize(2);
            double radius = Math.hypot(Double.parseDouble(cells[0]), Double.parseDouble(cells[1]));
            assertThat(radius).isBetween(1.0, 3.0);
        }

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image).isNotNull();
        assertThat(image.getWidth()).isGreaterThanOrEqualTo(400);
        assertThat(image.getHeight()).isGreaterThanOrEqualTo(400);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void theFirstSamplesDoNotDependOnHowManyAreDrawn() throws IOException {
        Path small = dir.resolve("20.csv");
        Path big = dir.resolve("40.csv");
        assertThat(sample(20, "--out", small.toString()).exitCode()).isZero();
        assertThat(sample(40, "--out", big.toString(), "--batch", "7").exitCode()).isZero();
        List<String> a = Files.readAllLines(small);
        List<String> b = Files.readAllLines(big);
        assertThat(b).hasSize(41);
        assertThat(b.subList(0, 21)).isEqualTo(a);
    }

    @Test
    void npyFilesHoldTheSameDoublesAsCsv() throws IOException, InterruptedException {
        Path csv = dir.resolve("s.csv");
        Path npy = dir.resolve("s.npy");
        assertThat(sample(25, "--dtype", "float64", "--out", csv.toString()).exitCode()).isZero();
        assertThat(sample(25, "--dtype", "float64", "--out", npy.toString()).exitCode()).isZero();
        double[][] expected = Files.readAllLines(csv).stream().skip(1)
                .map(l -> java.util.Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray())
                .toArray(double[][]::new);
        assertThat(NpyReader.read(npy)).isDeepEqualTo(expected);
        if (NpyReader.numpyAvailable()) {
            String numpy = NpyReader.viaNumpy(npy);
            assertThat(numpy).startsWith("(25, 2) float64 ");
            assertThat(Double.parseDouble(numpy.substring(numpy.lastIndexOf(' ') + 1))).isEqualTo(expected[24][1]);
        }
    }

    @Test
    void adaptiveRunsPrintTheirStepsAndKeepEachSamplesBitsWhateverTheBatch() throws IOException {
        Path whole = dir.resolve("adaptive6.csv");
        Path alone = dir.resolve("adaptive1.csv");
        String[] adaptive = {"--schedule", "edm", "--grid", "karras", "--controller", "pi:rtol=1e-2,atol=1e-3"};
        Cli r = sample(6, concat(adaptive, "--out", whole.toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("integrator=adaptive heun (rtol=0.01,atol=0.001)", "adaptive: ", "accepted and ", "rejected steps in all",
                "NFE per sample");
        assertThat(sample(6, concat(adaptive, "--out", alone.toString(), "--batch", "1")).exitCode()).isZero();
        assertThat(Files.readAllLines(alone)).isEqualTo(Files.readAllLines(whole));
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
