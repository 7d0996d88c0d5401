package org.difflab.dsl.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;

/** Runs work on its own thread and interrupts that thread after a delay, as Ctrl-C or a notebook's interrupt would. */
public final class InterruptAfterDelay {
    private InterruptAfterDelay() {
    }

    /**
     * Starts {@code work}, interrupts its thread {@code delayMillis} after it started and waits for it to end; the wait
     * is bounded by 120 s, a guard against a hang and not a timing.
     */
    public static void run(Runnable work, long delayMillis) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        Thread worker = new Thread(() -> {
            started.countDown();
            work.run();
        });
        worker.start();
        started.await();
        Thread.sleep(delayMillis);
        worker.interrupt();
        worker.join(120_000);
        assertThat(worker.isAlive()).as("the interrupted work stopped").isFalse();
    }
}
