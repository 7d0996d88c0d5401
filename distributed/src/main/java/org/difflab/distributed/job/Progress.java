package org.difflab.distributed.job;

import java.util.Locale;

/**
 * Where a job stands: items done of the total, seconds since it was submitted.
 *
 * @param job     the job's name, e.g. {@code sweep}
 * @param noun    what an item is called, e.g. {@code cells}
 * @param done    items finished, 0..total
 * @param total   items of the job, &gt;= 1
 * @param seconds seconds since submission
 */
public record Progress(String job, String noun, int done, int total, double seconds) {
    /** Characters of the text bar. */
    public static final int WIDTH = 30;

    public Progress {
        if (total < 1 || done < 0 || done > total) {
            throw new IllegalArgumentException("done = " + done + " of total = " + total + " is not allowed: 0 <= done <= total, total >= 1");
        }
    }

    public boolean finished() {
        return done == total;
    }

    /** {@code sweep: 37/100 cells, 12.3 s} with an estimate of the time left once some items are done. */
    public String status() {
        String left = done > 0 && done < total ? String.format(Locale.ROOT, ", about %.0f s left", seconds / done * (total - done)) : "";
        return String.format(Locale.ROOT, "%s: %d/%d %s, %.1f s%s", job, done, total, noun, seconds, left);
    }

    /** The status after a text bar: {@code [#########---------] sweep: 37/100 cells, 12.3 s}. */
    public String bar() {
        int filled = (int) ((long) WIDTH * done / total);
        return "[" + "#".repeat(filled) + "-".repeat(WIDTH - filled) + "] " + status();
    }
}
