package org.difflab.plugin.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test-side reader of the .npy files the CLI writes: an independent parse in Java, and numpy when installed. */
final class NpyReader {
    private NpyReader() {}

    static double[][] read(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[6];
        b.get(magic);
        assertThat(magic).isEqualTo(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'});
        assertThat(new byte[] {b.get(), b.get()}).containsExactly(1, 0);
        int headerLength = Short.toUnsignedInt(b.getShort());
        byte[] header = new byte[headerLength];
        b.get(header);
        String text = new String(header, StandardCharsets.US_ASCII);
        assertThat((10 + headerLength) % 64).isZero();
        assertThat(text).endsWith("\n").contains("'descr': '<f8'", "'fortran_order': False");
        Matcher m = Pattern.compile("'shape': \\((\\d+), (\\d+)\\)").matcher(text);
        assertThat(m.find()).isTrue();
        int n = Integer.parseInt(m.group(1));
        int d = Integer.parseInt(m.group(2));
        assertThat(b.remaining()).isEqualTo(8 * n * d);
        double[][] rows = new double[n][d];
        for (double[] row : rows) {
            for (int j = 0; j < d; j++) {
                row[j] = b.getDouble();
            }
        }
        return rows;
    }

    static boolean numpyAvailable() throws InterruptedException {
        try {
            return new ProcessBuilder("python3", "-c", "import numpy").start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** "shape dtype last-value" as numpy reports them. */
    static String viaNumpy(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "-c",
                "import sys, numpy as np; a = np.load(sys.argv[1]); print(a.shape, a.dtype, repr(float(a[-1, -1])))",
                file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
