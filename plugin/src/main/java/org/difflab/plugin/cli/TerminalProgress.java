package org.difflab.plugin.cli;

import java.io.PrintWriter;
import org.difflab.dsl.observe.StepEvent;
import org.difflab.dsl.observe.StepObserver;
import org.difflab.plugin.progress.ProgressBar;

/**
 * The command line's progress bar for long runs: nothing for runs shorter than {@code afterMillis}, then one line
 * rewritten in place (carriage return) at most every {@code intervalMillis}, ended with a newline at each batch's last step.
 */
final class TerminalProgress implements StepObserver {
    private final PrintWriter err;
    private final long afterNanos;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long last = Long.MIN_VALUE;
    private boolean open;

    TerminalProgress(PrintWriter err, long afterMillis, long intervalMillis) {
        this.err = err;
        this.afterNanos = afterMillis * 1_000_000L;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    @Override
    public void onStep(StepEvent e) {
        long now = System.nanoTime();
        ProgressBar bar = ProgressBar.after(e, (now - start) / 1e9);
        if (now - start < afterNanos || (!bar.finished() && last != Long.MIN_VALUE && now - last < intervalNanos)) {
            return;
        }
        if (!open && bar.finished()) {
            return;
        }
        last = now;
        err.print("\r" + bar.line());
        open = !bar.finished();
        if (bar.finished()) {
            err.println();
        }
        err.flush();
    }
}
