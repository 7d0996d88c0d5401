package org.difflab.plugin.notebook;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One notebook display kept up to date: shown at the first offer, then replaced at most every {@code intervalMillis}
 * unless an offer is final. Kernel-neutral: it takes the kernel's display functions, e.g.
 * {@code o -> display(o)} and {@code (id, o) -> updateDisplay(id, o)} in rapaio-jupyter-kernel, IJava and JJava alike.
 */
final class LiveDisplay {
    private final Function<Object, String> display;
    private final BiConsumer<String, Object> update;
    private final long intervalNanos;
    private String id;
    private long last;

    /**
     * @param display        shows a value and returns its display id
     * @param update         replaces the display of an id
     * @param intervalMillis least time between updates, &gt;= 0
     */
    LiveDisplay(Function<Object, String> display, BiConsumer<String, Object> update, long intervalMillis) {
        if (display == null || update == null || intervalMillis < 0) {
            throw new IllegalArgumentException("display = " + display + ", update = " + update + ", intervalMillis = " + intervalMillis
                    + " is not allowed: both functions non-null and intervalMillis >= 0");
        }
        this.display = display;
        this.update = update;
        this.intervalNanos = intervalMillis * 1_000_000L;
    }

    /** Shows or updates with {@code value} when it is the first, final or due; returns whether it did. */
    boolean offer(Object value, boolean last) {
        long now = System.nanoTime();
        if (id == null) {
            id = display.apply(value);
        } else if (last || now - this.last >= intervalNanos) {
            update.accept(id, value);
        } else {
            return false;
        }
        this.last = now;
        return true;
    }
}
