package org.difflab.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a file as 64 lower-case hex digits: how DiffLab's caches (zoo, classifier) recognise their files. */
public final class FileSha256 {
    private FileSha256() {}

    /**
     * The SHA-256 of {@code file}.
     *
     * @param what what the file is, for the message (e.g. "zoo cache file")
     * @throws UncheckedIOException naming the file when it cannot be read
     */
    public static String of(Path file, String what) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int r = in.read(buffer); r >= 0; r = in.read(buffer)) {
                digest.update(buffer, 0, r);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException ex) {
            throw new UncheckedIOException(what + " " + file + " could not be read: " + ex.getMessage(), ex);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", ex);
        }
    }
}
