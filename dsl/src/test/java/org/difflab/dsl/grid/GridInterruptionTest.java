package org.difflab.dsl.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicReference;
import org.difflab.dsl.observe.InterruptAfterDelay;
import org.difflab.dsl.schedule.Schedules;
import org.junit.jupiter.api.Test;

/**
 * Placing a log-SNR or Karras grid of millions of steps inverts the schedule point by point (26 s for 3,000,000
 * log-SNR steps on a loaded machine, before an exact evaluation's first step): an interrupt from another thread stops
 * it with a {@link CancellationException} naming the grid and the point, and consumes the flag.
 */
class GridInterruptionTest {
    private static Throwable interruptedPlacement(GridSpec spec) throws InterruptedException {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicReference<Boolean> flagAfter = new AtomicReference<>();
        InterruptAfterDelay.run(() -> {
            try {
                spec.on(Schedules.vp());
            } catch (RuntimeException e) {
                thrown.set(e);
            }
            flagAfter.set(Thread.currentThread().isInterrupted());
        }, 300); // uninterrupted, the whole placement takes about a minute here
        assertThat(flagAfter.get()).as("the flag is consumed").isFalse();
        return thrown.get();
    }

    @Test
    void logSnrAndKarrasPlacementsStopOnAnInterrupt() throws InterruptedException {
        for (GridSpec spec : new GridSpec[] {Grids.logSnr(6_000_000), Grids.karras(6_000_000, 7)}) {
            assertThat(interruptedPlacement(spec)).as(spec.name()).isInstanceOf(CancellationException.class)
                    .hasMessageContaining("grid of 6000000 steps on vp")
                    .hasMessageMatching(".* was interrupted at point \\d+ of \\d+; nothing was run");
        }
    }
}
