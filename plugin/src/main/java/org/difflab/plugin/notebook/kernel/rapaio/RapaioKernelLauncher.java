package org.difflab.plugin.notebook.kernel.rapaio;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import org.rapaio.jupyter.kernel.MainApp;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Starts rapaio-jupyter-kernel with an interrupt that leaves the kernel usable.
 *
 * <p>rapaio-jupyter-kernel 3.0.1 answers Jupyter's {@code interrupt_request} by cancelling the running cell and then
 * shutting down the executor its JShell evaluates cells on ({@code RapaioExecutionControl.stop}, called from
 * {@code JavaEngine.interrupt}): every later cell goes busy and idle with no effect. DiffLab's kernelspec therefore
 * asks for {@code "interrupt_mode": "signal"}: Jupyter sends SIGINT to the kernel process, and this launcher's handler
 * interrupts the threads rapaio evaluates cells on (it names them {@value #CELL_THREAD_PREFIX}N). A DiffLab run then
 * stops at the end of its step with a {@code RunInterruptedException}, the cell ends with that error, and the next
 * cell runs as usual. Code that never looks at its thread's interrupt flag runs on, as anywhere in Java.
 *
 * <p>The class runs from a jar of its own beside kernel.json ({@link org.difflab.plugin.notebook.install.KernelLauncherJar}),
 * on the kernel's class path next to rapaio's jar, so it must use nothing of DiffLab: DiffLab's jars reach cells
 * through JShell ({@code RJK_CLASSPATH}), and on the JVM's class path they would load apart from their dependencies.
 */
public final class RapaioKernelLauncher {
    /** The prefix of the names of rapaio's cell threads ({@code RapaioExecutionControl}'s thread factory, 3.0.1). */
    public static final String CELL_THREAD_PREFIX = "Engine-thread-";

    private RapaioKernelLauncher() {}

    /** Installs the SIGINT handler, then runs rapaio's kernel with {@code args} (the connection file). */
    public static void main(String[] args) throws Exception {
        interruptCellsOnSigint(System.err);
        MainApp.main(args);
    }

    /**
     * Makes SIGINT interrupt the cell threads for the life of the process, and say so on {@code log} (the kernel's
     * log). Where the process started with SIGINT ignored (a Jupyter server started in the background of a script
     * passes that on), HotSpot leaves it ignored and the handler never runs: the log says so; the kernelspec starts the
     * JVM through {@code env --default-signal=INT} where it can, to avoid that. Where SIGINT cannot be caught at all
     * (-Xrs) the default, ending the process, stays.
     */
    static void interruptCellsOnSigint(PrintStream log) {
        try {
            SignalHandler before = Signal.handle(new Signal("INT"), signal -> {
                List<String> names = interruptCells(Thread.getAllStackTraces().keySet());
                log.println("difflab kernel: interrupt: interrupted " + names.size() + " cell thread(s) " + names);
                log.flush();
            });
            if (before == SignalHandler.SIG_IGN) {
                log.println("difflab kernel: SIGINT was ignored when this kernel started, so Jupyter's interrupt cannot reach it: "
                        + "start the Jupyter server in the foreground, or with SIGINT at its default (env --default-signal=INT)");
            }
        } catch (IllegalArgumentException e) {
            log.println("difflab kernel: SIGINT cannot be caught in this JVM (" + e.getMessage() + "); an interrupt ends the kernel");
        }
    }

    /**
     * Interrupts those of {@code threads} that evaluate cells. An idle one of rapaio's pooled threads ignores it (the
     * pool clears the flag before it runs the next cell), so all of them are interrupted.
     *
     * @return the names of the threads interrupted
     */
    static List<String> interruptCells(Set<Thread> threads) {
        List<Thread> cells = threads.stream().filter(t -> t.getName().startsWith(CELL_THREAD_PREFIX)).toList();
        cells.forEach(Thread::interrupt);
        return cells.stream().map(Thread::getName).sorted().toList();
    }
}
