package org.difflab.plugin.cli;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Whether the process's stderr (file descriptor 2) is a terminal, so that long commands draw a progress bar rewritten
 * in place there and write plain lines to a file or pipe. Asked of the C library's {@code isatty} through JNA (Java 17
 * has no such question for stderr); where that fails, of {@link System#console()} (stdin and stdout attached).
 */
final class StderrTerminal {
    private StderrTerminal() {}

    /** The C library's isatty. */
    private interface C extends Library {
        int isatty(int fd);
    }

    /** Whether fd 2 is a terminal (and TERM is not "dumb"). */
    static boolean isTerminal() {
        if ("dumb".equals(System.getenv("TERM"))) {
            return false;
        }
        try {
            return Native.load("c", C.class).isatty(2) == 1;
        } catch (RuntimeException | LinkageError e) {
            return System.console() != null;
        }
    }
}
