package org.difflab.runtime.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.difflab.runtime.DiffLabRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real files of Debian's dataset-fashion-mnist, and bad files written here. The expected pixel values and sums were
 * printed by an independent reader (python3 + numpy: np.frombuffer of the gunzipped files after their 16- or 8-byte
 * headers).
 */
class FashionMnistTest {

    @Test
    void readsBothSplitsWithTheirCountsLabelsAndRange() {
        FashionMnist data = FashionMnist.standard();
        assertThat(data.train().size()).isEqualTo(60_000);
        assertThat(data.test().size()).isEqualTo(10_000);
        assertThat(data.train().classCounts()).containsOnly(6000).hasSize(10);
        assertThat(data.test().classCounts()).containsOnly(1000).hasSize(10);
        assertThat(data.train().label(0)).isEqualTo(9);
        assertThat(data.train().label(59_999)).isEqualTo(5);
        assertThat(data.test().label(9_999)).isEqualTo(5);
        // numpy: train[0][14, 14] = 217 -> 217 / 127.5 - 1; test[9999][10, 12] = 80
        assertThat(data.train().pixel(0, 14, 14)).isEqualTo(217 / 127.5f - 1f);
        assertThat(data.test().pixel(9_999, 10, 12)).isEqualTo(80 / 127.5f - 1f);
        assertThat(byteSum(data.train().images(new int[] {0}))).isEqualTo(76_247);
        assertThat(byteSum(data.test().images(new int[] {9_999}))).isEqualTo(24_390);
        float[] all = data.test().images(java.util.stream.IntStream.range(0, 10_000).toArray());
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float v : all) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertThat(min).isEqualTo(-1f);
        assertThat(max).isEqualTo(1f);
        assertThat(byteSum(all)).isEqualTo(573_469_082L);
        assertThat(FashionMnist.standard()).isSameAs(data);
    }

    @Test
    void batchIsAnNdArrayOfTheChosenImages() {
        LabelledImages test = FashionMnist.standard().test();
        int[] indices = {9_999, 3, 3, 0};
        try (NDManager m = DiffLabRuntime.engine().newBaseManager()) {
            NDArray batch = test.batch(m, indices);
            assertThat(batch.getShape()).isEqualTo(new Shape(4, 1, 28, 28));
            assertThat(batch.toFloatArray()).containsExactly(test.images(indices));
            assertThat(batch.get(0).toFloatArray()).containsExactly(test.images(new int[] {9_999}));
        }
        assertThat(test.imageShape()).isEqualTo(new Shape(1, 28, 28));
        assertThat(test.labels(indices)).containsExactly(5, test.label(3), test.label(3), test.label(0));
        assertThatThrownBy(() -> test.labels(new int[] {10_000})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("indices[0] = 10000").hasMessageContaining("0..9999");
        assertThatThrownBy(() -> test.pixel(0, 28, 0)).hasMessageContaining("row = 28");
    }

    @Test
    void missingFileNamesItAndThePackage(@TempDir Path dir) {
        assertThatThrownBy(() -> FashionMnist.read(dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(dir.resolve("train-labels-idx1-ubyte.gz").toString()).hasMessageContaining("is missing")
                .hasMessageContaining("sudo apt-get install dataset-fashion-mnist").hasMessageContaining("DIFFLAB_FASHION_MNIST");
    }

    @Test
    void labelOutOfRangeIsCorrupt(@TempDir Path dir) throws IOException {
        byte[] labels = new byte[60_000];
        labels[17] = 12;
        write(dir.resolve("train-labels-idx1-ubyte.gz"), 0x801, new int[] {60_000}, labels, true);
        assertThatThrownBy(() -> FashionMnist.read(dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("train-labels-idx1-ubyte.gz is corrupt: label 17 is 12, labels must lie in 0..9");
    }

    @Test
    void wrongMagicWrongDimensionsTruncatedOverlongAndNotGzipAreNamed(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("train-labels-idx1-ubyte.gz");
        write(f, 0x803, new int[] {60_000}, new byte[60_000], true);
        assertCorrupt(dir, "magic number is 0x00000803, but an IDX file of unsigned bytes with 1 dimensions starts with 0x00000801");
        write(f, 0x801, new int[] {4}, new byte[4], true);
        assertCorrupt(dir, "header declares dimensions [4], but [60000] are expected");
        write(f, 0x801, new int[] {60_000}, new byte[59_999], true);
        assertCorrupt(dir, "truncated: its header declares 60000 elements");
        write(f, 0x801, new int[] {60_000}, new byte[60_001], true);
        assertCorrupt(dir, "more data than the 60000 elements");
        write(f, 0x801, new int[] {60_000}, new byte[60_000], false);
        assertCorrupt(dir, "could not be read as gzip-compressed IDX");
        write(f, 0x801, new int[] {60_000}, new byte[60_000], true);
        byte[] whole = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(whole, whole.length - 12)); // the gzip stream cut inside its data or trailer
        assertCorrupt(dir, "truncated");
        write(f, 0x801, new int[] {60_000}, new byte[60_000], true); // intact labels: the images file is read next
        assertThatThrownBy(() -> FashionMnist.read(dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining(dir.resolve("train-images-idx3-ubyte.gz") + " is missing");
    }

    private static void assertCorrupt(Path dir, String what) {
        assertThatThrownBy(() -> FashionMnist.read(dir)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Fashion-MNIST file " + dir.resolve("train-labels-idx1-ubyte.gz") + " is corrupt: ")
                .hasMessageContaining(what).hasMessageContaining("apt-get install --reinstall dataset-fashion-mnist");
    }

    private static void write(Path file, int magic, int[] dims, byte[] data, boolean gzip) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file);
                DataOutputStream out = new DataOutputStream(gzip ? new GZIPOutputStream(raw) : raw)) {
            out.writeInt(magic);
            for (int d : dims) {
                out.writeInt(d);
            }
            out.write(data);
        }
    }

    private static long byteSum(float[] scaled) {
        long sum = 0;
        for (float v : scaled) {
            sum += Math.round((v + 1) * 127.5);
        }
        return sum;
    }
}
