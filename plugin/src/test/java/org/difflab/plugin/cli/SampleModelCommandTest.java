package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.difflab.runtime.data.ImageGrid;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code difflab sample --model} end to end on gpu-runtime's committed UNet fixture (random weights, 3 x 8 x 8 images), as
 * a DiffLab checkpoint and as its TorchScript trace.
 */
class SampleModelCommandTest {
    private static final String CKPT = "../gpu-runtime/src/test/resources/fixtures/unet_fixture.ckpt";
    private static final String PT = "../gpu-runtime/src/test/resources/fixtures/unet_fixture.pt";

    @TempDir
    Path dir;

    private static Cli sample(String model, String... extra) {
        List<String> args = new ArrayList<>(List.of("sample", "--model", model, "--integrator", "ddim", "--steps", "5", "--n", "6",
                "--seed", "2"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aCheckpointsSamplesBecomeAGridWhoseTilesHoldTheirPixels() throws IOException {
        Path png = dir.resolve("grid.png");
        Path npy = dir.resolve("s.npy");
        Cli r = sample(CKPT, "--out", png.toString(), "--columns", "4", "--scale", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("n=6", "dim=192", "integrator=ddim", "steps=5", "nfe=5", png.toString());
        assertThat(sample(CKPT, "--out", npy.toString()).exitCode()).isZero();
        double[][] rows = NpyReader.read(npy);
        assertThat(rows.length).isEqualTo(6);
        assertThat(rows[0]).hasSize(192);

        BufferedImage image = ImageIO.read(png.toFile());
        int tile = 8 * 3;
        int gap = ImageGrid.GAP;
        assertThat(image.getWidth()).isEqualTo(gap + 4 * (tile + gap));
        assertThat(image.getHeight()).isEqualTo(gap + 2 * (tile + gap));
        for (int i = 0; i < 6; i++) {
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    int expected = ImageGrid.level((float) rows[i][y * 8 + x]) << 16
                            | ImageGrid.level((float) rows[i][64 + y * 8 + x]) << 8 | ImageGrid.level((float) rows[i][128 + y * 8 + x]);
                    int px = gap + (i % 4) * (tile + gap) + 3 * x + 2;
                    int py = gap + (i / 4) * (tile + gap) + 3 * y + 1;
                    assertThat(image.getRGB(px, py) & 0xffffff).as("image %d pixel (%d, %d)", i, y, x).isEqualTo(expected);
                }
            }
        }
        // the two empty slots of the second grid row are gap colour
        assertThat(image.getRGB(gap + 2 * (tile + gap) + tile / 2, gap + tile + gap + tile / 2) & 0xffffff)
                .isEqualTo(ImageGrid.GAP_COLOUR);
        assertThat(image.getRGB(gap + 3 * (tile + gap) + tile / 2, gap + tile + gap + tile / 2) & 0xffffff)
                .isEqualTo(ImageGrid.GAP_COLOUR);
    }

    @Test
    void theTorchScriptTraceSamplesWhatTheCheckpointSamples() throws IOException {
        Path fromCkpt = dir.resolve("ckpt.npy");
        Path fromPt = dir.resolve("pt.npy");
        assertThat(sample(CKPT, "--out", fromCkpt.toString()).exitCode()).isZero();
        Cli r = sample(PT, "--event-shape", "3,8,8", "--parameterization", "eps", "--time", "index:N=1000", "--out", fromPt.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        double[][] a = NpyReader.read(fromCkpt);
        double[][] b = NpyReader.read(fromPt);
        double scale = 0;
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a[i].length; k++) {
                scale = Math.max(scale, Math.abs(a[i][k]));
                diff = Math.max(diff, Math.abs(a[i][k] - b[i][k]));
            }
        }
        assertThat(scale).isGreaterThan(0.5);
        assertThat(diff).isLessThan(1e-3 * scale);
        Path other = dir.resolve("other.npy");
        assertThat(sample(PT, "--event-shape", "3,8,8", "--parameterization", "x0", "--out", other.toString()).exitCode()).isZero();
        assertThat(NpyReader.read(other)[0][0]).isNotEqualTo(b[0][0]);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PT   | --out x.npy                                    | --event-shape is missing",
            "PT   | --event-shape 3,8,x                            | --event-shape = 3,8,x",
            "PT   | --event-shape 3,8,8 --parameterization noise   | --parameterization = noise",
            "PT   | --event-shape 3,8,8 --time index:N=0           | --time = index:N=0",
            "PT   | --event-shape 3,8,8 --time minutes             | --time = minutes",
            "PT   | --event-shape 3,8                              | TorchScript file",
            "CKPT | --event-shape 3,8,8                            | --event-shape = 3,8,8 is not allowed with --model",
            "CKPT | --parameterization x0                          | --parameterization = x0 is not allowed with --model",
            "CKPT | --out x.txt                                    | --out = x.txt",
            "CKPT | --plot x.png                                   | --plot = x.png is not allowed with --model",
            "CKPT | --scale 0                                      | --scale = 0",
            "CKPT | --columns 0                                    | --columns = 0",
            "CKPT | --target gaussian:d=2                          | are both given",
            "zoo:shapes16-w5 | --out x.png                         | --model = zoo:shapes16-w5 is not allowed: the zoo has shapes16-w8, shapes16-w16, shapes16-w32, shapes16-w64",
            "zoo:shapes16-w8 | --schedule cosine:T=1000           | --schedule = cosine:T=1000",
            "zoo:shapes16-w8 | --time index:N=1000                 | --time = index:N=1000 is not allowed with --model zoo:shapes16-w8",
            "model.onnx      | --out x.png                         | --model = model.onnx"})
    void badModelOptionsExitWithCode2AndNameTheOption(String model, String extra, String expected) {
        String m = model.equals("PT") ? PT : model.equals("CKPT") ? CKPT : model;
        Cli r = sample(m, extra.trim().split("\\s+"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err()).startsWith("difflab: error: ").contains(expected).doesNotContain("Exception");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void targetsRefuseModelOptionsAndPngGridsAndOneSourceIsRequired() {
        for (String[] bad : new String[][] {
                {"--time", "sigma", "--time = sigma is not allowed with --target"},
                {"--columns", "4", "--columns = 4 is not allowed with --target"},
                {"--out", "x.png", "--out = x.png is not allowed"}}) {
            Cli r = Cli.run("sample", "--target", "gaussian:d=2", "--integrator", "ddim", "--steps", "5", "--n", "3", bad[0], bad[1]);
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains(bad[2]);
        }
        Cli none = Cli.run("sample", "--integrator", "ddim", "--steps", "5", "--n", "3");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--target and --model are both missing");
    }
}
