package org.difflab.distributed.sample;

import org.difflab.distributed.job.TaskItem;

/**
 * The samples [first, first + size) of a sampling job: one partition, one Spark task.
 *
 * @param job   what to sample
 * @param first global index of the first sample
 * @param size  number of samples, &gt;= 1
 */
public record SampleRange(SampleJob job, long first, int size) implements TaskItem {

    @Override
    public String describe() {
        return "samples " + first + ".." + (first + size - 1) + " of " + job.describe();
    }
}
