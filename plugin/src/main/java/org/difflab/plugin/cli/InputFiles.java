package org.difflab.plugin.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Input text files checked before they are parsed: present, a file (not a folder), readable, not larger than a text
 * input needs, and UTF-8 text (random bytes are refused here rather than as a decoder's "Input length = 1").
 */
final class InputFiles {
    /** Largest text input read (a grid file is a few lines). */
    static final long MAX_BYTES = 1 << 20;

    private InputFiles() {}

    /** Fails with a message naming {@code option} and the file unless it is a readable UTF-8 text file of at most 1 MiB. */
    static Path requireText(String option, Path file) {
        String refused = option + " = " + file + " is not allowed: ";
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(refused + "it is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(refused + "it does not exist");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IllegalArgumentException(refused + "it has " + Files.size(file) + " bytes, more than the " + MAX_BYTES
                        + " a text input may have");
            }
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException(refused + "it is not UTF-8 text", e);
        } catch (IOException e) {
            throw new IllegalArgumentException(refused + "it cannot be read (" + e.getMessage() + ")", e);
        }
        return file;
    }
}
