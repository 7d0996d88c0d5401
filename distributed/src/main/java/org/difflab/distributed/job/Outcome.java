package org.difflab.distributed.job;

import java.io.Serializable;

/**
 * What one task returned: the item's result, or its failure as text (the task itself succeeds, so that Spark does not
 * retry a failure that is the item's own, such as bad input), with where and how long it ran.
 *
 * @param index    the item's position in the job
 * @param value    the result, null on failure
 * @param failure  one line naming the item and what went wrong, null on success
 * @param badInput whether the failure is the item's bad input (an {@link IllegalArgumentException})
 * @param executor the JVM that ran it, {@code pid@host}
 * @param seconds  the item's wall time on the executor
 * @param <R>      the result type
 */
public record Outcome<R extends Serializable>(int index, R value, String failure, boolean badInput, String executor, double seconds)
        implements Serializable {

    public boolean failed() {
        return failure != null;
    }
}
