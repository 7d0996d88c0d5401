package org.difflab.distributed.sample;

import java.io.Serializable;

/**
 * The samples of one partition as they come back to the driver: row-major values (float32 runs converted exactly to
 * double), one row per sample.
 *
 * @param values rows x dim values
 * @param rows   samples in the part
 * @param dim    values per sample (the event's size)
 * @param nfe    model evaluations per sample of the part's last batch, as {@code Samples.nfe()}
 */
public record SamplePart(double[] values, int rows, int dim, long nfe) implements Serializable {

    public SamplePart {
        if (values.length != (long) rows * dim) {
            throw new IllegalArgumentException("values has " + values.length + " entries, which is not allowed: " + rows + " rows of " + dim);
        }
    }
}
