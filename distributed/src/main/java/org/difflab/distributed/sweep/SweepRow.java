package org.difflab.distributed.sweep;

import java.io.Serializable;

/**
 * One row of a sweep's table: the cell and what was measured, then where and how long it ran. Every column but the
 * last two ({@code seconds}, {@code executor}) is a function of the cell alone: the same bits on any master and any
 * partitioning ({@link SweepColumns#deterministic}).
 *
 * @param cell          1-based position of the cell in the grid's expansion
 * @param kind          {@link CellKind} name
 * @param target        target spec with its dimension
 * @param dim           the target's dimension
 * @param integrator    integrator spec
 * @param metric        metric name
 * @param steps         the step count run (smallest-steps cells: the one found)
 * @param eps           tolerance (smallest-steps cells), NaN otherwise
 * @param seed          Monte Carlo seed (0 otherwise)
 * @param samples       Monte Carlo samples (0 otherwise)
 * @param value         see {@link Measurement}
 * @param lower         see {@link Measurement}
 * @param upper         see {@link Measurement}
 * @param standardError see {@link Measurement}
 * @param nfe           see {@link Measurement}
 * @param censored      see {@link Measurement}
 * @param atMinSteps    see {@link Measurement}
 * @param monotone      see {@link Measurement}
 * @param evaluations   see {@link Measurement}
 * @param seconds       the cell's wall time on its executor
 * @param executor      the executor JVM that ran it, {@code pid@host}
 */
public record SweepRow(int cell, String kind, String target, int dim, String integrator, String metric, int steps, double eps, long seed,
                       int samples, double value, double lower, double upper, double standardError, long nfe, boolean censored,
                       boolean atMinSteps, boolean monotone, int evaluations, double seconds, String executor) implements Serializable {

    /** The row of a cell. */
    public static SweepRow of(Cell c, Measurement m, double seconds, String executor) {
        return new SweepRow(c.number(), c.kind().name(), c.target(), c.dim(), c.integrator(), c.metric(), m.steps(), c.eps(), c.seed(), c.samples(),
                m.value(), m.lower(), m.upper(), m.standardError(), m.nfe(), m.censored(), m.atMinSteps(), m.monotone(), m.evaluations(),
                seconds, executor);
    }

    public CellKind cellKind() {
        return CellKind.valueOf(kind);
    }
}
