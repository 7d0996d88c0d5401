package org.difflab.distributed.job;

import java.io.Serializable;
import java.util.concurrent.CancellationException;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;
import org.difflab.distributed.spark.ExecutorRuntime;

/**
 * One task on an executor: starts DJL there if needed, runs the body on the item, and turns the item's own failure
 * into an {@link Outcome} (reported to the driver at once through an accumulator, so that it can stop the job) rather
 * than a task failure that Spark would retry. Cancellation (a cancelled job interrupts its tasks) and errors of the JVM
 * stay task failures.
 */
final class TaskAttempt<T extends TaskItem, R extends Serializable> implements Function<Indexed<T>, Outcome<R>> {
    private final TaskBody<T, R> body;
    private final String noun;
    private final int total;
    private final LongAccumulator done;
    private final CollectionAccumulator<ItemFailure> failures;

    TaskAttempt(TaskBody<T, R> body, String noun, int total, LongAccumulator done, CollectionAccumulator<ItemFailure> failures) {
        this.body = body;
        this.noun = noun;
        this.total = total;
        this.done = done;
        this.failures = failures;
    }

    @Override
    public Outcome<R> call(Indexed<T> in) {
        String jvm = ExecutorRuntime.ensureStarted();
        long start = System.nanoTime();
        try {
            R value = body.run(in.item());
            done.add(1);
            return new Outcome<>(in.index(), value, null, false, jvm, (System.nanoTime() - start) / 1e9);
        } catch (CancellationException e) {
            throw e;
        } catch (RuntimeException e) {
            String message = noun + " " + in.item().number(in.index()) + " of " + total + " (" + in.item().describe() + ") failed: " + oneLine(e);
            boolean badInput = e instanceof IllegalArgumentException;
            failures.add(new ItemFailure(message, badInput));
            done.add(1);
            return new Outcome<>(in.index(), null, message, badInput, jvm, (System.nanoTime() - start) / 1e9);
        }
    }

    /** The exception's message on one line (its class name when it has none). */
    static String oneLine(Throwable e) {
        String m = e.getMessage();
        if (m == null || m.isBlank()) {
            return e.getClass().getName();
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
