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
    private final LiveDisplay display;
    private final long start = System.nanoTime();
    private ProgressBar shown;

    /**
     * @param display        shows a value and returns its display id
     * @param update         replaces the display of an id
     * @param intervalMillis least time between updates, &gt;= 0
     */
    public NotebookProgress(Function<Object, String> display, BiConsumer<String, Object> update, long intervalMillis) {
        this.display = new LiveDisplay(display, update, intervalMillis);
    }

    @Override
    public void onStep(StepEvent e) {
        ProgressBar bar = ProgressBar.after(e, (System.nanoTime() - start) / 1e9);
        if (display.offer(bar, bar.finished())) {
            shown = bar;
        }
    }

    /** The bar last shown, or null before the first step. */
    public ProgressBar shown() {
        return shown;
    }
}
