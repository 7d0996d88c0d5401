package org.difflab.plugin.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.difflab.dsl.observe.StepEvent;
import org.difflab.dsl.observe.StepObserver;
import org.difflab.plugin.progress.ProgressBar;

/**
 * The command line's progress over a whole run of n samples (every batch, every chunk of a streamed run: a step's
 * first sample is its global index): nothing for
 * runs shorter than {@code afterMillis}, then at most every {@code intervalMillis} a bar of the samples done, with the
 * current batch's step and share done (of its steps, or of an adaptive run's time span), the elapsed and the remaining time. On a terminal one line rewritten in place (carriage return)
 * and ended once the run is done; elsewhere (a log file, a pipe) plain lines, no carriage returns.
 */
final class TerminalProgress implements StepObserver {
    private final PrintWriter err;
    private final long n;
    private final boolean terminal;
    private final long afterNanos;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long last = Long.MIN_VALUE;
    private boolean open;

    TerminalProgress(PrintWriter err, long n, boolean terminal, long afterMillis, long intervalMillis) {
        this.err = err;
        this.n = Math.max(1, n);
        this.terminal = terminal;
        this.afterNanos = afterMillis * 1_000_000L;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    @Override
    public void onStep(StepEvent e) {
        long now = System.nanoTime();
        long rows = e.state() == null || e.state().getShape().dimension() == 0 ? 1 : e.state().getShape().get(0);
        double done = e.firstSample() + rows * e.done();
        boolean finished = done >= n;
        if (now - start < afterNanos || (!finished && last != Long.MIN_VALUE && now - last < intervalNanos) || (finished && !open)) {
            return;
        }
        last = now;
        double seconds = (now - start) / 1e9;
        int filled = (int) (ProgressBar.WIDTH * Math.min(1, done / n));
        String line = String.format(Locale.ROOT, "[%s%s] %d/%d samples, step %d (%.0f%%) of the batch from %d, %s, %d NFE, %.1f s%s",
                "#".repeat(filled), "-".repeat(ProgressBar.WIDTH - filled), (long) done, n, e.step() + 1, 100 * e.done(), e.firstSample(), e.integrator(), e.nfe(), seconds, finished || done <= 0 ? "" : String.format(Locale.ROOT,
                        ", about %.0f s left", seconds * (n - done) / done));
        if (terminal) {
            err.print("\r" + line);
            if (finished) {
                err.println();
            }
        } else {
            err.println(line);
        }
        open = !finished;
        err.flush();
    }
}
