package org.difflab.plugin.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.ControlResult;

/**
 * What {@code difflab check} says while it runs: one line on stdout per claim as it finishes (position, id, verdict,
 * kind, seconds) and per control; on stderr, when it is a terminal, a progress bar rewritten in place every second
 * (claims done, elapsed time, an estimate of the time left, the claim running and for how long); when it is not, a
 * line as each claim starts and a line every {@value #HEARTBEAT_SECONDS} s while one runs. The estimate of the time
 * left is the previous run's time of each claim still to come (the report folder's timings), scaled by how this run
 * compares with it so far, else the mean time per claim so far, divided by the number of claims run at once
 * ({@link ClaimRunner}); the bar names every claim running.
 */
final class CheckProgress implements AutoCloseable, ClaimRunner.Listener {
    static final int HEARTBEAT_SECONDS = 15;
    private static final int BAR = 24;

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean terminal;
    private final int total;
    private final Map<String, Double> previous;
    private final long start = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private int done;
    private double doneSeconds;
    private double donePrevious;
    private double remainingPrevious;
    private int unknownRemaining;
    private final int workers;
    /** What runs now (a claim id, or "claim / control name") -> since when (System.nanoTime). */
    private final Map<String, Long> running = new LinkedHashMap<>();
    private long lastHeartbeat;
    private boolean barShown;

    /**
     * @param out      stdout: the per-claim lines
     * @param err      stderr: the bar or the start lines
     * @param terminal whether stderr is a terminal
     * @param ids      the claims to come, in order
     * @param previous seconds per claim id of the previous run (may miss ids)
     * @param workers  how many claims run at once
     */
    CheckProgress(PrintWriter out, PrintWriter err, boolean terminal, List<String> ids, Map<String, Double> previous, int workers) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
        this.total = ids.size();
        this.previous = Map.copyOf(previous);
        this.workers = Math.max(1, Math.min(workers, ids.size()));
        for (String id : ids) {
            Double p = previous.get(id);
            if (p == null) {
                unknownRemaining++;
            } else {
                remainingPrevious += p;
            }
        }
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "difflab-check-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
    }

    /** A claim starts. */
    @Override
    public synchronized void started(String id) {
        long now = System.nanoTime();
        running.put(id, now);
        lastHeartbeat = now;
        if (terminal) {
            drawBar();
        } else {
            err.printf(Locale.ROOT, "difflab: checking %s (%d/%d, %s elapsed%s)%n", id, done + running.size(), total, clock(elapsed()), left());
            err.flush();
        }
    }

    /** A control of a claim whose own measurement just finished starts. */
    @Override
    public synchronized void controlStarted(String claim, String control) {
        long now = System.nanoTime();
        running.keySet().removeIf(k -> k.equals(claim) || k.startsWith(claim + " / control "));
        running.put(claim + " / control " + control, now);
        lastHeartbeat = now;
        if (terminal) {
            drawBar();
        } else {
            err.printf(Locale.ROOT, "difflab: control %s of %s (%s elapsed)%n", control, claim, clock(elapsed()));
            err.flush();
        }
    }

    /** A claim and its controls finished: their lines. */
    @Override
    public synchronized void finished(ClaimResult r, List<ControlResult> controls) {
        finished(r);
        controls.forEach(this::control);
        running.keySet().removeIf(k -> k.startsWith(r.claim().id() + " / control "));
        if (terminal) {
            drawBar();
        }
    }

    /** A claim finished: its line. */
    synchronized void finished(ClaimResult r) {
        double s = r.wallSeconds();
        done++;
        doneSeconds += s;
        Double p = previous.get(r.claim().id());
        if (p == null) {
            unknownRemaining--;
        } else {
            donePrevious += p;
            remainingPrevious -= p;
        }
        running.remove(r.claim().id());
        clearBar();
        out.printf(Locale.ROOT, "[%" + digits() + "d/%d] %-42s %-12s %-14s %7.1f s%n", done, total, r.claim().id(), r.verdict(),
                r.claim().kind().label(), s);
        out.flush();
        if (terminal) {
            drawBar();
        }
    }

    /** A control of the claim just finished ran: its line. */
    synchronized void control(ControlResult c) {
        clearBar();
        out.printf(Locale.ROOT, "%s control %-40s %-9s %-12s %s %5.1f s%n", " ".repeat(2 * digits() + 3), c.control().name(),
                c.control().role().label(), c.verdict(), c.passed() ? (c.control().role().label().equals("negative") ? "caught" : "holds  ")
                        : "FAILED ", c.result().wallSeconds());
        out.flush();
        if (terminal) {
            drawBar();
        }
    }

    /** A line from the command itself (e.g. before the claims start), kept clear of the bar. */
    synchronized void note(String line) {
        clearBar();
        err.println(line);
        err.flush();
        if (terminal) {
            drawBar();
        }
    }

    private int digits() {
        return Integer.toString(total).length();
    }

    private synchronized void tick() {
        if (running.isEmpty()) {
            return;
        }
        if (terminal) {
            drawBar();
            return;
        }
        long now = System.nanoTime();
        if (now - lastHeartbeat >= HEARTBEAT_SECONDS * 1_000_000_000L) {
            lastHeartbeat = now;
            err.printf(Locale.ROOT, "difflab: still checking %s%n", runningNow(now));
            err.flush();
        }
    }

    private void drawBar() {
        int filled = total == 0 ? BAR : done * BAR / total;
        String bar = "[" + "#".repeat(filled) + ".".repeat(BAR - filled) + "]";
        String now = running.isEmpty() ? "" : "  " + runningNow(System.nanoTime());
        err.print("\r" + bar + String.format(Locale.ROOT, " %d/%d claims  %s elapsed%s", done, total, clock(elapsed()), left()) + now + "\033[K");
        err.flush();
        barShown = true;
    }

    /** "id (12 s so far), id2 (3 s so far)": what runs now. */
    private String runningNow(long now) {
        StringBuilder b = new StringBuilder();
        running.forEach((id, since) -> b.append(b.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s (%.0f s so far)", id, (now - since) * 1e-9)));
        return b.toString();
    }

    private void clearBar() {
        if (barShown) {
            err.print("\r\033[K");
            err.flush();
            barShown = false;
        }
    }

    private double elapsed() {
        return (System.nanoTime() - start) * 1e-9;
    }

    /** ", about M:SS left", or "" before anything can be estimated. */
    private String left() {
        if (done == total) {
            return "";
        }
        double estimate;
        if (unknownRemaining == 0 && (donePrevious > 0 || done == 0)) {
            estimate = remainingPrevious * (donePrevious > 0 ? doneSeconds / donePrevious : 1);
        } else if (done > 0) {
            estimate = doneSeconds / done * (total - done);
        } else {
            return "";
        }
        long now = System.nanoTime();
        for (long since : running.values()) {
            estimate -= (now - since) * 1e-9;
        }
        estimate = Math.max(0, estimate) / workers;
        return ", about " + clock(estimate) + " left";
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        clearBar();
    }
}
