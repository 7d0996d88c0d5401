package org.difflab.distributed.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.difflab.distributed.spark.Cluster;

/**
 * Runs a list of independent items as Spark tasks, one task per item, and returns their outcomes in item order: the
 * one way DiffLab hands work to Spark (sweep cells, ranges of samples; claims later). Items are pure functions of
 * their spec, so a task Spark retries after losing an executor returns the same result. On the driver it reports
 * progress, stops the job at the first failed item (naming it in one line: an {@link IllegalArgumentException} for the
 * item's bad input, else a {@link JobFailedException}), turns a job Spark gave up on into one line, and cancels the job
 * when the calling thread is interrupted (Ctrl-C).
 */
public final class SparkTasks {
    private static final long POLL_MILLIS = 100;

    private SparkTasks() {}

    /**
     * Runs the items.
     *
     * @param job      the job's name, e.g. {@code sweep}
     * @param noun     what one item is called in messages, e.g. {@code cell}
     * @param progress receives the progress on the driver
     */
    public static <T extends TaskItem, R extends Serializable> List<Outcome<R>> run(Cluster cluster, String job, String noun, List<T> items,
                                                                                    TaskBody<T, R> body, ProgressListener progress) {
        if (items.isEmpty()) {
            throw new IllegalArgumentException("items is empty, which is not allowed: a " + job + " needs at least one " + noun);
        }
        JavaSparkContext sc = cluster.context();
        List<Indexed<T>> indexed = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            indexed.add(new Indexed<>(i, items.get(i)));
        }
        LongAccumulator done = sc.sc().longAccumulator("difflab." + job + ".done");
        CollectionAccumulator<ItemFailure> failures = sc.sc().collectionAccumulator("difflab." + job + ".failures");
        String group = "difflab-" + job + "-" + UUID.randomUUID();
        sc.setJobGroup(group, job + " of " + items.size() + " " + noun + "s", true);
        long start = System.nanoTime();
        int total = items.size();
        try {
            JavaFutureAction<List<Outcome<R>>> future = sc.parallelize(indexed, total)
                    .map(new TaskAttempt<>(body, noun, total, done, failures)).collectAsync();
            int shown = -1;
            long lastShown = start;
            while (true) {
                try {
                    List<Outcome<R>> out = future.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
                    progress.update(new Progress(job, noun + "s", total, total, seconds(start)));
                    return checked(out);
                } catch (TimeoutException e) {
                    List<ItemFailure> failed = failures.value();
                    if (!failed.isEmpty()) {
                        sc.cancelJobGroup(group);
                        throw failed.get(0).exception();
                    }
                    int now = (int) Math.min(total, done.value());
                    if (now != shown || System.nanoTime() - lastShown > 1_000_000_000L) {
                        progress.update(new Progress(job, noun + "s", now, total, seconds(start)));
                        shown = now;
                        lastShown = System.nanoTime();
                    }
                } catch (InterruptedException e) {
                    sc.cancelJobGroup(group);
                    throw new CancellationException(job + " was interrupted after " + done.value() + " of " + total + " " + noun
                            + "s; its Spark job was cancelled");
                } catch (ExecutionException e) {
                    throw new JobFailedException("the " + job + " on " + cluster + " failed: " + TaskAttempt.oneLine(e.getCause() == null ? e : e.getCause()));
                }
            }
        } finally {
            sc.clearJobGroup();
        }
    }

    /** The outcomes, or the failure of the first failed item. */
    private static <R extends Serializable> List<Outcome<R>> checked(List<Outcome<R>> out) {
        out.stream().filter(Outcome::failed).min(Comparator.comparingInt(Outcome::index)).ifPresent(o -> {
            throw new ItemFailure(o.failure(), o.badInput()).exception();
        });
        return out;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
