package org.difflab.distributed.job;

/** Receives a job's progress on the driver: after submission, whenever items finish (and at least once a second), and at the end. */
@FunctionalInterface
public interface ProgressListener {
    /** Ignores progress. */
    ProgressListener NONE = p -> { };

    void update(Progress p);
}
