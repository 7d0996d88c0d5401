package org.difflab.dsl.control;

import ai.djl.ndarray.NDArray;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.schedule.NoiseLevel;
import org.difflab.dsl.schedule.NoiseSchedule;

/**
 * The model's noise prediction eps for a batch whose rows sit at their own noise levels (one batched call,
 * {@link ScoreModel#predict(NDArray, NoiseLevel[])}), with the model evaluations counted per row: the view of the model
 * an {@link EmbeddedPair} gets. The conversions are those of {@link org.difflab.dsl.model.Parameterization#toEps}
 * with a coefficient per row.
 */
public final class RowModel {
    private final NoiseSchedule schedule;
    private final ScoreModel model;
    private final long[] evaluations;
    private int[] rows;

    RowModel(NoiseSchedule schedule, ScoreModel model, int samples) {
        this.schedule = schedule;
        this.model = model;
        this.evaluations = new long[samples];
    }

    /** Sets which samples the rows of the next calls are (their indices in the run). */
    void rows(int[] rows) {
        this.rows = rows;
    }

    /** The forward process, for noise levels inside a step (e.g. DPM-Solver's intermediate points). */
    public NoiseSchedule schedule() {
        return schedule;
    }

    /** Model evaluations spent on each sample so far. */
    long[] evaluations() {
        return evaluations;
    }

    /** eps at (x, levels), one level per row; counts one evaluation for each row. */
    public NDArray eps(NDArray x, NoiseLevel[] levels) {
        for (int r : rows) {
            evaluations[r]++;
        }
        NDArray raw = model.predict(x, levels);
        double[] a = new double[levels.length];
        double[] s = new double[levels.length];
        for (int r = 0; r < levels.length; r++) {
            a[r] = levels[r].alpha();
            s[r] = levels[r].sigma();
        }
        return switch (model.parameterization()) {
            case EPS -> raw;
            case SCORE -> raw.mul(RowColumns.column(s, x)).neg();
            case X0 -> x.sub(raw.mul(RowColumns.column(a, x))).div(RowColumns.column(s, x));
            case V -> {
                double[] norm = new double[levels.length];
                for (int r = 0; r < levels.length; r++) {
                    norm[r] = a[r] * a[r] + s[r] * s[r];
                }
                yield x.mul(RowColumns.column(s, x)).add(raw.mul(RowColumns.column(a, x))).div(RowColumns.column(norm, x));
            }
        };
    }
}
