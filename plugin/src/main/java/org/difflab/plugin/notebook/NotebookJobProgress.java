package org.difflab.plugin.notebook;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.difflab.distributed.job.Progress;
import org.difflab.distributed.job.ProgressListener;
import org.difflab.plugin.progress.JobProgressBar;

/**
 * Keeps one notebook display updated with a Spark job's progress ({@link JobProgressBar}): shown at the first update, then
 * updated at most every {@code intervalMillis} and at the end. Kernel-neutral like {@link NotebookProgress}: e.g.
 * {@code Sweep.grid()...run(cluster, new NotebookJobProgress(o -> display(o), (id, o) -> updateDisplay(id, o), 250))}.
 */
public final class NotebookJobProgress implements ProgressListener {
    private final Function<Object, String> display;
    private final BiConsumer<String, Object> update;
    private final long intervalNanos;
    private String id;
    private long last;
    private Progress shown;

    /**
     * @param display        shows a value and returns its display id
     * @param update         replaces the display of an id
     * @param intervalMillis least time between updates, &gt;= 0
     */
    public NotebookJobProgress(Function<Object, String> display, BiConsumer<String, Object> update, long intervalMillis) {
        if (display == null || update == null || intervalMillis < 0) {
            throw new IllegalArgumentException("display = " + display + ", update = " + update + ", intervalMillis = " + intervalMillis
                    + " is not allowed: both functions non-null and intervalMillis >= 0");
        }
        this.display = display;
        this.update = update;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    @Override
    public void update(Progress p) {
        long now = System.nanoTime();
        if (id == null) {
            id = display.apply(new JobProgressBar(p));
        } else if ((p.finished() && !shown.finished()) || (!p.finished() && now - last >= intervalNanos && p.done() != shown.done())) {
            update.accept(id, new JobProgressBar(p));
        } else {
            return;
        }
        last = now;
        shown = p;
    }

    /** The progress last shown, or null before the first update. */
    public Progress shown() {
        return shown;
    }
}
