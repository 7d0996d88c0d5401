package org.difflab.distributed.job;

import java.io.Serializable;

/**
 * What an executor does with one item: a serializable function (Spark ships it with the job), pure in the item, so
 * that a retried task (an executor lost) computes the same result.
 *
 * @param <T> the item
 * @param <R> its result, serializable (it travels back to the driver)
 */
@FunctionalInterface
public interface TaskBody<T extends TaskItem, R extends Serializable> extends Serializable {

    R run(T item);
}
