package org.difflab.distributed.job;

import java.io.Serializable;

/** One independent piece of work of a Spark job (a sweep cell, a range of samples), shipped to an executor. */
public interface TaskItem extends Serializable {

    /** What it is, in one line, for error messages: e.g. {@code target=gaussian:d=2, integrator=heun, steps=0}. */
    String describe();

    /**
     * The item's number in messages: its 1-based position in the job unless it has one of its own (a sweep cell keeps its
     * place in the grid whatever order the cells are submitted in).
     */
    default int number(int index) {
        return index + 1;
    }
}
