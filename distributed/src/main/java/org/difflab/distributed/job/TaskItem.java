package org.difflab.distributed.job;

import java.io.Serializable;

/** One independent piece of work of a Spark job (a sweep cell, a range of samples), shipped to an executor. */
public interface TaskItem extends Serializable {

    /** What it is, in one line, for error messages: e.g. {@code target=gaussian:d=2, integrator=heun, steps=0}. */
    String describe();
}
