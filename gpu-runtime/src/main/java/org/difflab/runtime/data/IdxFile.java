package org.difflab.runtime.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads one gzip-compressed IDX file (LeCun et al.'s MNIST format, also Fashion-MNIST's, Xiao, Rasul and Vollgraf 2017):
 * a big-endian header of two zero bytes, the element type (0x08 = unsigned byte), the number of dimensions k and k
 * 32-bit sizes, then the elements row-major. Only unsigned-byte files are accepted, with the dimensions the caller
 * expects; what is wrong with a corrupt, truncated or over-long file is the message of the {@link IOException} thrown
 * (a missing file: {@link java.nio.file.NoSuchFileException}), for the caller to name the data set and what to do.
 */
final class IdxFile {
    /** The element type of unsigned bytes. */
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxFile() {}

    /** The elements of {@code file}, whose header must declare exactly the dimensions {@code expected}. */
    static byte[] read(Path file, int[] expected) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            int magic = in.readInt();
            int wantMagic = (UNSIGNED_BYTE << 8) | expected.length;
            if (magic != wantMagic) {
                throw new IOException(String.format("its magic number is 0x%08x, but an IDX file of unsigned bytes with %d "
                        + "dimensions starts with 0x%08x", magic, expected.length, wantMagic));
            }
            int[] dims = new int[expected.length];
            long elements = 1;
            for (int k = 0; k < dims.length; k++) {
                dims[k] = in.readInt();
                elements *= dims[k];
            }
            if (!Arrays.equals(dims, expected)) {
                throw new IOException("its header declares dimensions " + Arrays.toString(dims) + ", but " + Arrays.toString(expected)
                        + " are expected");
            }
            byte[] data = new byte[Math.toIntExact(elements)];
            try {
                in.readFully(data);
            } catch (EOFException e) {
                throw new IOException("it is truncated: its header declares " + elements + " elements, but the data ends early", e);
            }
            if (in.read() >= 0) {
                throw new IOException("it has more data than the " + elements + " elements its header declares");
            }
            return data;
        } catch (NoSuchFileException e) {
            throw e;
        } catch (EOFException e) {
            throw new IOException("it is truncated (the compressed stream or the header ends early)", e);
        } catch (ZipException e) {
            throw new IOException("it could not be read as gzip-compressed IDX (" + e.getMessage() + ")", e);
        }
    }
}
