package org.difflab.plugin.cli;

import java.io.PrintStream;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C on the command line: the first one interrupts the thread running the command, so that a run stops at the end
 * of its current step, frees its memory and reports where it stopped ({@code difflab: interrupted: ...}, exit code 130);
 * a second one ends the process at once, as Ctrl-C does without this handler (the JVM's own handler, put back after the
 * first: it runs the shutdown hooks, so that {@link Leftovers} deletes the temporaries of outputs being written). Without
 * it the JVM would exit in the middle of a step with no word of where the run was.
 */
final class CtrlC {
    private CtrlC() {}

    /** Installs the handler for {@code command}, the thread that runs the command; a no-op where SIGINT cannot be caught. */
    static void interrupts(Thread command, PrintStream err) {
        Signal interrupt = new Signal("INT");
        SignalHandler[] jvms = new SignalHandler[1];
        try {
            jvms[0] = Signal.handle(interrupt, signal -> {
                Signal.handle(interrupt, jvms[0]);
                err.println("difflab: stopping after the current step (Ctrl-C again to quit at once)");
                err.flush();
                command.interrupt();
            });
        } catch (IllegalArgumentException e) {
            // the JVM was started with -Xrs or the platform reserves SIGINT: Ctrl-C keeps its default effect
        }
    }
}
