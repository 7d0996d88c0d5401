package org.difflab.plugin.notebook;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.difflab.distributed.job.Progress;
import org.difflab.distributed.job.ProgressListener;
import org.difflab.plugin.progress.JobProgressBar;

/**
 * Keeps one notebook display updated with a Spark job's progress ({@link JobProgressBar}): shown at the first update, then
 * updated at most every {@code intervalMillis} and once at the end. Kernel-neutral like {@link NotebookProgress}: e.g.
 * {@code Sweep.grid()...run(cluster, new NotebookJobProgress(o -> display(o), (id, o) -> updateDisplay(id, o), 250))}.
 */
public final class NotebookJobProgress implements ProgressListener {
    private final LiveDisplay display;
    private Progress shown;

    /**
     * @param display        shows a value and returns its display id
     * @param update         replaces the display of an id
     * @param intervalMillis least time between updates, &gt;= 0
     */
    public NotebookJobProgress(Function<Object, String> display, BiConsumer<String, Object> update, long intervalMillis) {
        this.display = new LiveDisplay(display, update, intervalMillis);
    }

    @Override
    public void update(Progress p) {
        if ((shown == null || !shown.finished()) && display.offer(new JobProgressBar(p), p.finished())) {
            shown = p;
        }
    }

    /** The progress last shown, or null before the first update. */
    public Progress shown() {
        return shown;
    }
}
