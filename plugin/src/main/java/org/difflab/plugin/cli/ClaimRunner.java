package org.difflab.plugin.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.theory.claims.CatalogueEntry;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Control;
import org.difflab.theory.claims.ControlResult;

/**
 * Runs the claims of a {@code difflab check} (and their controls) on several threads at once, one claim per thread, and
 * returns the results in catalogue order. Most claims evaluate tiny tensors, where the engine's fixed cost per operation
 * keeps one core busy and intra-op threads idle, so two claims side by side take about half the wall time on two cores.
 *
 * <p>Claims share no mutable state and every random draw comes from a seed of the claim, so a claim's result is the same
 * bit for bit whatever runs beside it and in whatever order the claims start ({@code ClaimRunnerTest}). Claims on the
 * model zoo (their entry names zoo models) run one at a time, so that two never train or load the same entry at once.
 * A claim's controls run on its thread right after it; the claim's line and its controls' lines are printed together.
 *
 * <p>Intra-op threads: PyTorch keeps the count per thread, and a thread the engine was not started on gets OpenMP's
 * default (all processors). With two claims at once on two cores that is four threads on two cores, and an operation
 * large enough to be split waits for a descheduled thread ({@code pmm-mixture-budget} took 46.8 s with two threads
 * against 22.9 s with one). So a claim on exact or Monte Carlo scores runs with the engine's count divided among the
 * workers ({@link #threadsPerClaim}); a claim on the zoo (one at a time) runs with the engine's count, so that its
 * network's bits (its convolutions sum in an order that depends on the count) are those of every other entry point.
 *
 * <p>When the calling thread is interrupted (Ctrl-C), the running claims are interrupted too (each stops at the end of
 * its current step) and {@link Stopped} is thrown with the claims that had finished, so that {@code check} can report
 * them; the first failure of a claim, in catalogue order, is rethrown as it is.
 */
final class ClaimRunner {
    /** System property: how many claims run at once (default: the available processors, at most the number of claims). */
    static final String WORKERS_PROPERTY = "difflab.check.workers";

    /** The most claims run at once (each holds its own tensors; more threads than claims or cores gain nothing). */
    static final int MAX_WORKERS = 64;

    /** What a run reports as it goes ({@link CheckProgress}); called from the worker threads. */
    interface Listener {
        void started(String claim);

        void controlStarted(String claim, String control);

        /** The claim finished, its controls (possibly none) too. */
        void finished(ClaimResult result, List<ControlResult> controls);
    }

    /** The run was interrupted; {@link #finished()} holds the claims that had finished before, in catalogue order. */
    static final class Stopped extends CancellationException {
        private final transient List<ClaimResult> finished;

        Stopped(String message, List<ClaimResult> finished) {
            super(message);
            this.finished = List.copyOf(finished);
        }

        List<ClaimResult> finished() {
            return finished;
        }
    }

    private ClaimRunner() {}

    /**
     * The number of claims run at once: {@code option} ({@code --workers}) when given, else {@value #WORKERS_PROPERTY},
     * else the available processors; a value outside [1, {@value #MAX_WORKERS}] is refused naming where it came from.
     */
    static int workers(String option) {
        if (option != null) {
            return parse("--workers", option);
        }
        String p = System.getProperty(WORKERS_PROPERTY);
        if (p == null || p.isBlank()) {
            return Runtime.getRuntime().availableProcessors();
        }
        return parse(WORKERS_PROPERTY, p);
    }

    private static int parse(String name, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1 && n <= MAX_WORKERS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " = '" + value + "' is not allowed: must be an integer in [1, " + MAX_WORKERS + "]");
    }

    /** The intra-op threads of a claim that does not use the zoo, when {@code workers} claims run at once: at least 1. */
    static int threadsPerClaim(int engineThreads, int workers) {
        return Math.max(1, engineThreads / Math.max(1, workers));
    }

    /** Runs the entries' claims (and, when asked, their controls) on {@code workers} threads; results in the entries' order. */
    static List<ClaimResult> run(List<CatalogueEntry> entries, boolean controls, int workers, Listener listener) {
        return run(entries, controls, workers, Map.of(), listener);
    }

    /**
     * The same, starting the claims that took longest in the previous run first ({@code previous}: seconds per claim id;
     * claims without a time first, in catalogue order), so that no long claim is left to run alone at the end.
     */
    static List<ClaimResult> run(List<CatalogueEntry> entries, boolean controls, int workers, Map<String, Double> previous, Listener listener) {
        return run(entries, controls, workers, DiffLabRuntime.threads(), previous, listener);
    }

    /** The same, with the intra-op threads divided among the workers given ({@code engineThreads}, for tests). */
    static List<ClaimResult> run(List<CatalogueEntry> entries, boolean controls, int workers, int engineThreads, Map<String, Double> previous,
            Listener listener) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers = " + workers + " is not allowed: must be >= 1");
        }
        int n = Math.max(1, Math.min(workers, entries.size()));
        int perClaim = threadsPerClaim(engineThreads, n);
        ReentrantLock zoo = new ReentrantLock();
        AtomicInteger made = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "difflab-check-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Map<CatalogueEntry, Future<ClaimResult>> futures = new IdentityHashMap<>();
        try {
            List<CatalogueEntry> longestFirst = new ArrayList<>(entries);
            longestFirst.sort(Comparator.comparingDouble(e -> -previous.getOrDefault(e.id(), Double.POSITIVE_INFINITY)));
            for (CatalogueEntry entry : longestFirst) {
                futures.put(entry, pool.submit(() -> entry.zoo().isEmpty() ? one(entry, controls, perClaim, listener)
                        : oneLocked(zoo, entry, controls, engineThreads, listener)));
            }
            List<ClaimResult> results = new ArrayList<>();
            for (CatalogueEntry entry : entries) {
                results.add(futures.get(entry).get());
            }
            return results;
        } catch (InterruptedException e) {
            pool.shutdownNow();
            awaitQuietly(pool);
            List<ClaimResult> finished = finishedBefore(entries, futures);
            Thread.currentThread().interrupt();
            throw new Stopped("difflab check stopped while claims were running", finished);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("a claim failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
            awaitQuietly(pool);
        }
    }

    /** The results of the claims that finished (not those stopped by the interrupt or never started), in the entries' order. */
    private static List<ClaimResult> finishedBefore(List<CatalogueEntry> entries, Map<CatalogueEntry, Future<ClaimResult>> futures) {
        List<ClaimResult> done = new ArrayList<>();
        for (CatalogueEntry entry : entries) {
            Future<ClaimResult> f = futures.get(entry);
            if (f != null && f.isDone() && !f.isCancelled()) {
                try {
                    done.add(f.get());
                } catch (ExecutionException | InterruptedException stoppedOrFailed) {
                    // stopped by the interrupt at a step end (or failed): not measured
                }
            }
        }
        return done;
    }

    private static ClaimResult oneLocked(ReentrantLock zoo, CatalogueEntry entry, boolean controls, int threads, Listener listener)
            throws InterruptedException {
        zoo.lockInterruptibly();
        try {
            return one(entry, controls, threads, listener);
        } finally {
            zoo.unlock();
        }
    }

    private static ClaimResult one(CatalogueEntry entry, boolean controls, int threads, Listener listener) {
        DiffLabRuntime.prepareThisThread(threads);
        listener.started(entry.id());
        ClaimResult r = entry.claim().check();
        List<ControlResult> runs = new ArrayList<>();
        if (controls) {
            for (Control c : entry.controls()) {
                listener.controlStarted(entry.id(), c.name());
                runs.add(c.run());
            }
            r = r.withControls(runs);
        }
        listener.finished(r, runs);
        return r;
    }

    /**
     * Waits for the interrupted workers to free their runs' memory (each stops at the end of its current step); the
     * caller's interrupt flag is kept. A second interrupt stops the waiting.
     */
    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = Thread.interrupted();
        try {
            while (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                // a claim between two steps for more than a minute (a fit, a report): keep waiting
            }
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
