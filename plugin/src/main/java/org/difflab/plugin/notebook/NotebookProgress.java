package org.difflab.plugin.notebook;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.difflab.dsl.observe.StepEvent;
import org.difflab.dsl.observe.StepObserver;
import org.difflab.plugin.progress.ProgressBar;

/**
 * A step observer that keeps one notebook display updated with a {@link ProgressBar}: shown at the first step, then
 * updated at most every {@code intervalMillis} and at each batch's last step. Kernel-neutral: it takes the kernel's
 * display functions, e.g. {@code new NotebookProgress(o -> display(o), (id, o) -> updateDisplay(id, o), 250)} in
 * rapaio-jupyter-kernel, IJava and JJava alike.
 */
public final class NotebookProgress implements StepObserver {
    private final Function<Object, String> display;
    private final BiConsumer<String, Object> update;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private String id;
    private long last;
    private ProgressBar shown;

    /**
     * @param display        shows a value and returns its display id
     * @param update         replaces the display of an id
     * @param intervalMillis least time between updates, &gt;= 0
     */
    public NotebookProgress(Function<Object, String> display, BiConsumer<String, Object> update, long intervalMillis) {
        if (display == null || update == null || intervalMillis < 0) {
            throw new IllegalArgumentException("display = " + display + ", update = " + update + ", intervalMillis = " + intervalMillis
                    + " is not allowed: both functions non-null and intervalMillis >= 0");
        }
        this.display = display;
        this.update = update;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    @Override
    public void onStep(StepEvent e) {
        long now = System.nanoTime();
        ProgressBar bar = ProgressBar.after(e, (now - start) / 1e9);
        if (id == null) {
            id = display.apply(bar);
        } else if (bar.finished() || now - last >= intervalNanos) {
            update.accept(id, bar);
        } else {
            return;
        }
        last = now;
        shown = bar;
    }

    /** The bar last shown, or null before the first step. */
    public ProgressBar shown() {
        return shown;
    }
}
