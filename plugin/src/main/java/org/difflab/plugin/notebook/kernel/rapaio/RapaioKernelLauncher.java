package org.difflab.plugin.notebook.kernel.rapaio;

import java.io.InputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;
import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.Transform;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Starts rapaio-jupyter-kernel with an interrupt that leaves the kernel usable, and without its start-up race
 * ({@link #runKernel}).
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

    /**
     * Installs the SIGINT handler, then runs rapaio's kernel on the connection file {@code args[0]} ({@link #runKernel});
     * other arguments (rapaio's {@code --install ...}) go to rapaio's own main.
     */
    public static void main(String[] args) throws Exception {
        interruptCellsOnSigint(System.err);
        if (args.length != 1 || args[0].startsWith("-")) {
            MainApp.main(args);
            return;
        }
        runKernel(args[0], System.err);
    }

    /**
     * What rapaio's {@code MainApp} does with a connection file, with the shell channel made to wait for the message
     * handlers. rapaio-jupyter-kernel 3.0.1's {@code Channels.connect} binds the sockets and starts their threads, then
     * starts the kernel, and only then creates its handler map: a {@code kernel_info_request} that arrives in between
     * (jupyter_client sends one as soon as it connects, and again every second) ends the shell thread with a
     * NullPointerException, and the kernel never answers a request again. That was the "start-up miss" of the notebook
     * runs (seen in their kernel logs; on a busy machine nearly every start). Here the map's field holds a stand-in
     * until {@code connect} returns: a lookup on it waits for that, then reads the real map.
     */
    static void runKernel(String connectionFile, PrintStream log) throws Exception {
        try (InputStream config = MainApp.class.getClassLoader().getResourceAsStream("logging.properties")) {
            LogManager.getLogManager().readConfiguration(config);
        }
        Path path = Path.of(connectionFile);
        if (!Files.isRegularFile(path)) {
            throw new IllegalArgumentException("connection file = " + connectionFile + " is not allowed: it is not a file");
        }
        Channels channels = new Channels(Transform.fromJson(Files.readString(path), ConnectionProperties.class));
        CountDownLatch connected = new CountDownLatch(1);
        handlersAfterConnect(channels, connected, log);
        try {
            channels.connect(MainApp.kernel);
        } finally {
            connected.countDown();
        }
        channels.joinUntilClose();
    }

    /**
     * Puts into {@code channels}' handler map a stand-in whose every call waits for {@code connected}, then goes to the
     * map {@code connect} made (an empty one where connect failed). Logs and leaves the channels as they are where the
     * field is not there (another rapaio version).
     */
    static void handlersAfterConnect(Channels channels, CountDownLatch connected, PrintStream log) {
        Field field;
        try {
            field = Channels.class.getDeclaredField("handlers");
            field.setAccessible(true);
        } catch (NoSuchFieldException | RuntimeException e) {
            log.println("difflab kernel: rapaio's Channels has no handlers field (" + e + "); requests that arrive before the kernel is "
                    + "connected may go unanswered");
            return;
        }
        Object[] standIn = new Object[1];
        standIn[0] = Proxy.newProxyInstance(Map.class.getClassLoader(), new Class<?>[] {Map.class}, (proxy, method, arguments) -> {
            connected.await();
            Object real = field.get(channels);
            try {
                return method.invoke(real == standIn[0] ? Map.of() : real, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        try {
            field.set(channels, standIn[0]);
        } catch (IllegalAccessException e) {
            log.println("difflab kernel: rapaio's handler map cannot be set (" + e + "); requests that arrive before the kernel is "
                    + "connected may go unanswered");
        }
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
