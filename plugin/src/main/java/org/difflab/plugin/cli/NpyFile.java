package org.difflab.plugin.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes samples in the NumPy {@code .npy} format version 1.0: magic, a header dict
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (n, d), }} padded so the data starts at a multiple
 * of 64 bytes, then the values as little-endian doubles in C order. {@code numpy.load} reads it directly. Header and values
 * are separate steps so that a run split into partitions writes the same bytes part by part.
 */
final class NpyFile {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0};

    private NpyFile() {}

    static void write(Path file, double[][] rows) {
        int n = rows.length;
        int d = n == 0 ? 0 : rows[0].length;
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(header(n, d));
            for (double[] r : rows) {
                values(out, r);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write --out = " + file + ": " + e, e);
        }
    }

    /** Values as little-endian doubles, in order (the data section of one or more rows). */
    static void values(OutputStream out, double[] values) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        out.write(b.array());
    }

    /** Magic, version, header length and the padded header dict ending in a newline. */
    static byte[] header(int n, int d) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + n + ", " + d + "), }";
        int unpadded = MAGIC.length + 2 + dict.length() + 1;
        int total = (unpadded + 63) / 64 * 64;
        String text = dict + " ".repeat(total - unpadded) + "\n";
        ByteBuffer b = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) text.length()).put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }
}
