package org.difflab.plugin.notebook.kernel.rapaio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The launcher's interrupt reaches rapaio's cell threads and nothing else. */
class RapaioKernelLauncherTest {

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
