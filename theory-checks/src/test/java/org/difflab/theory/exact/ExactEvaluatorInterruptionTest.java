package org.difflab.theory.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.grid.TimeGrid;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C on an exact evaluation (issue 26): an interrupt from another thread stops it in its set-up (placing a log-SNR
 * grid of millions of steps, which never looked at the flag and took tens of seconds) and between or inside its
 * passes (100,000 repetitions of a run with auxiliary draws), with a {@link CancellationException}; the flag is
 * consumed and the thread's next evaluation has the bits of one made before.
 */
class ExactEvaluatorInterruptionTest {
    private static final Gaussian TARGET = Gaussian.diagonal(new double[] {1, -0.5}, new double[] {0.05, 2});
    private static final TimeGrid SHORT = Grids.uniform(20).on(Schedules.parse("linear:T=1000"));

    private static ExactLaw shortEvaluation() {
        return ExactEvaluator.of(DdpmVariant.randomSplit()).target(TARGET).grid(SHORT).auxSeed(3).repetitions(3).evaluate();
    }

    /** Runs {@code evaluation} on another thread, interrupts it after 300 ms, then lets that thread evaluate SHORT. */
    private static Throwable interrupted(Supplier<ExactLaw> evaluation, ExactLaw before) throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        AtomicReference<ExactLaw> after = new AtomicReference<>();
        Thread worker = new Thread(() -> {
            started.countDown();
            try {
                evaluation.get();
            } catch (RuntimeException e) {
                thrown.set(e);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
            after.set(shortEvaluation());
        });
        worker.start();
        started.await();
        Thread.sleep(300);
        worker.interrupt();
        worker.join(120_000); // a guard against a hang, not a timing: uninterrupted, each evaluation takes minutes
        assertThat(worker.isAlive()).as("the evaluation stopped").isFalse();
        assertThat(flagAfter.get()).as("the flag is consumed").isFalse();
        assertThat(after.get()).as("the next evaluation on the same thread").isEqualTo(before);
        return thrown.get();
    }

    @Test
    void stopsWhilePlacingALongGrid() throws InterruptedException {
        ExactLaw before = shortEvaluation();
        Throwable e = interrupted(() -> ExactEvaluator.of(Integrators.parse("ddim")).target(TARGET).schedule(Schedules.vp())
                .grid(Grids.logSnr(6_000_000)).evaluate(), before);
        assertThat(e).isInstanceOf(CancellationException.class).hasMessageContaining("placing the logsnr grid of 6000000 steps on vp:");
    }

    @Test
    void stopsAmongManyRepetitions() throws InterruptedException {
        ExactLaw before = shortEvaluation();
        Throwable e = interrupted(() -> ExactEvaluator.of(DdpmVariant.randomSplit()).target(TARGET).grid(SHORT).auxSeed(3)
                .repetitions(100_000).evaluate(), before);
        assertThat(e).isInstanceOf(CancellationException.class).hasMessageContaining("was interrupted");
    }
}
