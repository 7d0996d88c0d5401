package org.difflab.plugin.cli;

import java.io.PrintStream;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C on the command line: the first one interrupts the thread running the command, so that a run stops at the end
 * of its current step, frees its memory and reports where it stopped ({@code difflab: interrupted: ...}, exit code 130);
 * a second one ends the process at once, as Ctrl-C does without this handler (the JVM's own handler, put back after the
 * first: it runs the shutdown hooks, so that {@link Leftovers} deletes the temporaries of outputs being written). Without
 * it the JVM would exit in the middle of a step with no word of where the run was. SIGTERM ({@code kill}, {@code timeout})
 * is taken the same way: the JVM's own handling of it tore down the engine under a running step (a training run
 * crashed in native code with SIGSEGV and wrote an hs_err file).
 */
final class CtrlC {
    private CtrlC() {}

    /** Installs the handlers for {@code command}, the thread that runs the command; a no-op for a signal that cannot be caught. */
    static void interrupts(Thread command, PrintStream err) {
        handle("INT", "Ctrl-C again to quit at once", command, err);
        handle("TERM", "a second SIGTERM quits at once", command, err);
    }

    private static void handle(String name, String again, Thread command, PrintStream err) {
        Signal signal = new Signal(name);
        SignalHandler[] jvms = new SignalHandler[1];
        try {
            jvms[0] = Signal.handle(signal, s -> {
                Signal.handle(signal, jvms[0]);
                err.println("difflab: stopping after the current step (" + again + ")");
                err.flush();
                command.interrupt();
            });
        } catch (IllegalArgumentException e) {
            // the JVM was started with -Xrs or the platform reserves the signal: it keeps its default effect
        }
    }
}
