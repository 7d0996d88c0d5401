package org.difflab.dsl.observe;

import java.util.function.Consumer;

/**
 * Reports progress as a line of text ("ddim 40/50 steps, 40 NFE, 1.2 s") at most every {@code intervalMillis};
 * the command line prints it, a notebook updates a display with it.
 */
public final class ProgressReport implements StepObserver {
    private final Consumer<String> sink;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long last = Long.MIN_VALUE;

    public ProgressReport(Consumer<String> sink, long intervalMillis) {
        this.sink = sink;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    @Override
    public void onStep(StepEvent e) {
        long now = System.nanoTime();
        boolean lastStep = e.step() == e.steps() - 1;
        if (lastStep || last == Long.MIN_VALUE || now - last >= intervalNanos) {
            last = now;
            sink.accept(String.format("%s %d/%d steps, %d NFE, %.1f s (samples from %d)", e.integrator(), e.step() + 1, e.steps(),
                    e.nfe(), (now - start) / 1e9, e.firstSample()));
        }
    }
}
