package org.difflab.runtime.zoo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.difflab.dsl.Require;
import org.difflab.runtime.DiffLabRuntime;

/**
 * Runs training jobs (zoo entries, {@link Zoo#trainingJob}, or any other network) on several threads at once, each
 * thread a stream that takes the next job when it is free, largest estimated cost first: Graham's (1969) longest
 * processing time rule, whose finish time is within 4/3 of the best split. Each stream's thread is prepared as the
 * engine's own ({@link DiffLabRuntime#prepareThisThread}: one intra-op thread, gradient recording off), so a job's
 * result is the same bit for bit whatever the number of streams.
 *
 * <p>An interrupt of the calling thread (Ctrl-C) or a failed job stops every stream: the others are interrupted,
 * stop between iterations and cache nothing half-trained; {@link #run} returns only after all streams stopped.
 */
public final class TrainingStreams {
    /**
     * One job: a name for progress, its estimated cost (any unit, the same for all jobs) and the work.
     *
     * @param name          what progress calls it
     * @param estimatedCost &gt; 0, in the unit of the other jobs' estimates
     * @param work          the training; it stops with a {@code CancellationException} when its thread is interrupted
     */
    public record Job(String name, double estimatedCost, Runnable work) {
        public Job {
            Require.notNull("name", name);
            Require.notNull("work", work);
            if (!(estimatedCost > 0 && Double.isFinite(estimatedCost))) {
                throw new IllegalArgumentException("estimatedCost = " + estimatedCost + " is not allowed for job " + name
                        + ": must be finite and > 0");
            }
        }
    }

    private TrainingStreams() {}

    /** The default number of streams: two, or one on a single-core machine. */
    public static int defaultStreams() {
        return Math.min(2, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Runs {@code jobs} on {@code streams} threads (in [1, 64]) and returns when all are done.
     *
     * @throws CancellationException when the calling thread was interrupted (its flag is set again); every stream stopped
     * @throws RuntimeException      the first failure of a job, after every stream stopped
     */
    public static void run(List<Job> jobs, int streams, Consumer<String> progress) {
        Require.notNull("jobs", jobs);
        Require.inRange("streams", streams, 1, 64);
        Require.notNull("progress", progress);
        if (jobs.isEmpty()) {
            return;
        }
        List<Job> order = new ArrayList<>(jobs);
        order.sort(Comparator.comparingDouble(Job::estimatedCost).reversed());
        Queue<Job> queue = new ConcurrentLinkedQueue<>(order);
        int threads = Math.min(streams, jobs.size());
        progress.accept(String.format(Locale.ROOT, "training %d job%s on %d stream%s (one intra-op thread each), largest first: %s",
                jobs.size(), jobs.size() == 1 ? "" : "s", threads, threads == 1 ? "" : "s",
                String.join(", ", order.stream().map(Job::name).toList())));
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "difflab-train-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        CompletionService<Void> streamsDone = new ExecutorCompletionService<>(pool);
        for (int s = 0; s < threads; s++) {
            streamsDone.submit(() -> {
                DiffLabRuntime.prepareThisThread(1); // any job (a zoo entry, the classifier) runs as on the engine's thread
                for (Job job = queue.poll(); job != null && !Thread.currentThread().isInterrupted(); job = queue.poll()) {
                    job.work().run();
                }
                return null;
            });
        }
        pool.shutdown();
        try {
            for (int s = 0; s < threads; s++) {
                streamsDone.take().get(); // in the order the streams end: the first failure stops the others at once
            }
        } catch (InterruptedException e) {
            stop(pool);
            Thread.currentThread().interrupt();
            throw new CancellationException("training was interrupted; every stream stopped, nothing half-trained was cached");
        } catch (ExecutionException e) {
            stop(pool);
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** Interrupts every stream and waits until all have stopped (each stops within one training iteration). */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
