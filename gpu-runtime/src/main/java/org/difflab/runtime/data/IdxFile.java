package org.difflab.runtime.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads one gzip-compressed IDX file (LeCun et al.'s MNIST format, also Fashion-MNIST's, Xiao, Rasul and Vollgraf 2017):
 * a big-endian header of two zero bytes, the element type (0x08 = unsigned byte), the number of dimensions k and k
 * 32-bit sizes, then the elements row-major. Only unsigned-byte files are accepted, with the dimensions the caller
 * expects; a missing, corrupt, truncated or over-long file gets an {@link UncheckedIOException} naming the file and
 * what is wrong with it.
 */
final class IdxFile {
    /** The element type of unsigned bytes. */
    private static final int UNSIGNED_BYTE = 0x08;

    private IdxFile() {}

    /**
     * The elements of {@code file}, whose header must declare exactly the dimensions {@code expected}.
     *
     * @param missingHint what to do when the file is missing (appended to the message)
     */
    static byte[] read(Path file, int[] expected, String missingHint) {
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(new GZIPInputStream(raw, 1 << 16))) {
            int magic = in.readInt();
            int wantMagic = (UNSIGNED_BYTE << 8) | expected.length;
            if (magic != wantMagic) {
                throw corrupt(file, String.format("its magic number is 0x%08x, but an IDX file of unsigned bytes with %d "
                        + "dimensions starts with 0x%08x", magic, expected.length, wantMagic));
            }
            int[] dims = new int[expected.length];
            long elements = 1;
            for (int k = 0; k < dims.length; k++) {
                dims[k] = in.readInt();
                elements *= dims[k];
            }
            if (!Arrays.equals(dims, expected)) {
                throw corrupt(file, "its header declares dimensions " + Arrays.toString(dims) + ", but " + Arrays.toString(expected)
                        + " are expected");
            }
            byte[] data = new byte[Math.toIntExact(elements)];
            try {
                in.readFully(data);
            } catch (EOFException e) {
                throw corrupt(file, "it is truncated: its header declares " + elements + " elements, but the data ends early");
            }
            if (in.read() >= 0) {
                throw corrupt(file, "it has more data than the " + elements + " elements its header declares");
            }
            return data;
        } catch (NoSuchFileException e) {
            String message = "Fashion-MNIST file " + file + " is missing: " + missingHint;
            throw new UncheckedIOException(message, new IOException(message, e));
        } catch (EOFException e) {
            throw corrupt(file, "it is truncated (the compressed stream or the header ends early)");
        } catch (IOException e) {
            throw corrupt(file, "it could not be read as gzip-compressed IDX (" + e.getMessage() + ")");
        }
    }

    private static UncheckedIOException corrupt(Path file, String what) {
        String message = "Fashion-MNIST file " + file + " is corrupt: " + what + "; reinstall the data (sudo apt-get install "
                + "--reinstall " + FashionMnist.DEBIAN_PACKAGE + ") or point " + FashionMnist.DIRECTORY_ENVIRONMENT
                + " to a folder with intact files";
        return new UncheckedIOException(message, new IOException(message));
    }
}
