package org.difflab.distributed.job;

/**
 * A Spark job that did not complete: an item failed for a reason other than bad input (e.g. a NaN in a run), or Spark
 * gave up on a task (every attempt lost). The message is one line naming the job and the item or task.
 */
public final class JobFailedException extends RuntimeException {

    public JobFailedException(String message) {
        super(message);
    }
}
