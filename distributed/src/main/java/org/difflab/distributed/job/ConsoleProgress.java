package org.difflab.distributed.job;

import java.io.PrintWriter;

/**
 * A job's progress on a console: on a terminal one bar line rewritten in place (at most every 200 ms, ended with a
 * newline when the job is done); otherwise (a log, a pipe) a plain status line whenever items finished and
 * {@code plainMillis} passed since the last line, at least every {@code 5 * plainMillis} while nothing finishes, and
 * once at the end, so that a long job is never silent for long.
 */
public final class ConsoleProgress implements ProgressListener {
    private static final long BAR_NANOS = 200_000_000L;

    private final PrintWriter out;
    private final boolean terminal;
    private final long plainNanos;
    private long last = Long.MIN_VALUE;
    private int lastDone = -1;
    private boolean open;

    public ConsoleProgress(PrintWriter out, boolean terminal, long plainMillis) {
        this.out = out;
        this.terminal = terminal;
        this.plainNanos = plainMillis * 1_000_000L;
    }

    /** Progress on stderr: a bar when the process has a terminal ({@link System#console()}), else a line every 2 s. */
    public static ConsoleProgress onStderr(PrintWriter err) {
        return new ConsoleProgress(err, System.console() != null, 2000);
    }

    @Override
    public void update(Progress p) {
        long now = System.nanoTime();
        boolean first = last == Long.MIN_VALUE;
        if (terminal) {
            if (!p.finished() && !first && now - last < BAR_NANOS) {
                return;
            }
            if (p.finished() && !open && !first) {
                return;
            }
            out.print("\r" + p.bar());
            open = !p.finished();
            if (p.finished()) {
                out.println();
            }
        } else {
            boolean due = first || p.finished() && lastDone != p.done()
                    || now - last >= (p.done() != lastDone ? plainNanos : 5 * plainNanos);
            if (!due) {
                return;
            }
            out.println(p.status());
        }
        out.flush();
        last = now;
        lastDone = p.done();
    }
}
