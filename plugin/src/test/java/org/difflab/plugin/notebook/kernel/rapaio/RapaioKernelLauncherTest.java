package org.difflab.plugin.notebook.kernel.rapaio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.MessageHandler;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.Transform;
import org.rapaio.jupyter.kernel.message.MessageType;
import org.junit.jupiter.api.Test;

/**
 * The launcher's interrupt reaches rapaio's cell threads and nothing else; a request that reaches the shell channel
 * before the kernel is connected waits for the handlers instead of ending the channel's thread.
 */
class RapaioKernelLauncherTest {
    private static final String CONNECTION = "{\"shell_port\": 50001, \"iopub_port\": 50002, \"stdin_port\": 50003, "
            + "\"control_port\": 50004, \"hb_port\": 50005, \"ip\": \"127.0.0.1\", \"key\": \"k\", \"transport\": \"tcp\", "
            + "\"signature_scheme\": \"hmac-sha256\", \"kernel_name\": \"difflab\"}";

    /**
     * A lookup before connect (rapaio 3.0.1's handler map is still null then: the NullPointerException that ended its
     * shell thread) waits until connect has returned and then finds the handler connect registered.
     */
    @Test
    void aLookupBeforeConnectWaitsForTheHandlers() throws Exception {
        Channels channels = new Channels(Transform.fromJson(CONNECTION, ConnectionProperties.class));
        try {
            CountDownLatch connected = new CountDownLatch(1);
            ByteArrayOutputStream log = new ByteArrayOutputStream();
            RapaioKernelLauncher.handlersAfterConnect(channels, connected, new PrintStream(log, true));
            FutureTask<MessageHandler<?>> lookup = new FutureTask<>(() -> channels.getHandler(MessageType.SHELL_EXECUTE_REQUEST));
            Thread shell = new Thread(lookup, "Shell-0");
            shell.setDaemon(true);
            shell.start();
            Thread.sleep(300);
            assertThat(lookup.isDone()).as("the lookup waits for connect").isFalse();

            MessageHandler<Object> handler = message -> { };
            Field field = Channels.class.getDeclaredField("handlers");
            field.setAccessible(true);
            field.set(channels, new HashMap<>(Map.of(MessageType.SHELL_EXECUTE_REQUEST, handler))); // what connect does
            connected.countDown();
            assertThat(lookup.get(10, TimeUnit.SECONDS)).isSameAs(handler);
            assertThat(channels.getHandler(MessageType.SHELL_EXECUTE_REPLY)).isNull();
            assertThat(log.toString()).isEmpty();
        } finally {
            channels.close();
        }
    }

    /** A thread that sleeps until interrupted and records whether it was. */
    private static Thread sleeper(String name, CountDownLatch started, AtomicBoolean interrupted) {
        Thread t = new Thread(() -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        }, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    @Test
    void interruptsTheCellThreadsOnly() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        AtomicBoolean cellInterrupted = new AtomicBoolean();
        AtomicBoolean otherInterrupted = new AtomicBoolean();
        Thread cell = sleeper(RapaioKernelLauncher.CELL_THREAD_PREFIX + "7", started, cellInterrupted);
        Thread other = sleeper("ZMQ-shell", started, otherInterrupted);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(RapaioKernelLauncher.interruptCells(Set.of(cell, other, Thread.currentThread())))
                .containsExactly(RapaioKernelLauncher.CELL_THREAD_PREFIX + "7");
        cell.join(10_000);
        assertThat(cellInterrupted).isTrue();
        assertThat(other.isAlive()).isTrue();
        assertThat(otherInterrupted).isFalse();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        other.interrupt();
        other.join(10_000);
    }
}
