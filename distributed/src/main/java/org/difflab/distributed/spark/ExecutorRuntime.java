package org.difflab.distributed.spark;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.atomic.AtomicInteger;
import org.difflab.runtime.DiffLabRuntime;

/**
 * What a task does first on an executor: start DJL's native engine, once per executor JVM (later tasks of the JVM
 * find it started; DiffLabRuntime keeps it), with the settings the executor's JVM options carry (offline, graph
 * optimizer off, the driver's {@code difflab.threads} intra-op threads, so that networks compute the driver's bits).
 */
public final class ExecutorRuntime {
    private static final String HOST = host();
    private static final AtomicInteger STARTS = new AtomicInteger();
    private static volatile boolean started;

    private ExecutorRuntime() {}

    /** Starts the engine if this JVM has not yet, and returns this JVM's id ({@code pid@host}). */
    public static String ensureStarted() {
        if (!started) {
            synchronized (ExecutorRuntime.class) {
                if (!started) {
                    DiffLabRuntime.engine();
                    STARTS.incrementAndGet();
                    started = true;
                }
            }
        }
        return jvmId();
    }

    /** How many times this JVM started the engine through here: 1 after the first task, whatever the number of tasks. */
    public static int starts() {
        return STARTS.get();
    }

    /** This JVM's process id and host name, e.g. {@code 4242@node7}. */
    public static String jvmId() {
        return ProcessHandle.current().pid() + "@" + HOST;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
