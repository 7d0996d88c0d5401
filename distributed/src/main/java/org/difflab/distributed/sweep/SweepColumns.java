package org.difflab.distributed.sweep;

import java.util.List;
import java.util.function.Function;

/** The table's columns in order, with their types: the one schema the CSV, JSON and Parquet writers share. */
public final class SweepColumns {
    /** A column's value type. */
    public enum Type { INT, LONG, DOUBLE, BOOLEAN, STRING }

    /**
     * A column.
     *
     * @param name          its name
     * @param type          its value type
     * @param value         its value in a row
     * @param deterministic whether it is a function of the cell alone (all but seconds and executor)
     */
    public record Column(String name, Type type, Function<SweepRow, Object> value, boolean deterministic) {
    }

    /** Every column. */
    public static final List<Column> ALL = List.of(
            new Column("cell", Type.INT, SweepRow::cell, true),
            new Column("kind", Type.STRING, SweepRow::kind, true),
            new Column("target", Type.STRING, SweepRow::target, true),
            new Column("dim", Type.INT, SweepRow::dim, true),
            new Column("integrator", Type.STRING, SweepRow::integrator, true),
            new Column("metric", Type.STRING, SweepRow::metric, true),
            new Column("steps", Type.INT, SweepRow::steps, true),
            new Column("eps", Type.DOUBLE, SweepRow::eps, true),
            new Column("seed", Type.LONG, SweepRow::seed, true),
            new Column("samples", Type.INT, SweepRow::samples, true),
            new Column("value", Type.DOUBLE, SweepRow::value, true),
            new Column("lower", Type.DOUBLE, SweepRow::lower, true),
            new Column("upper", Type.DOUBLE, SweepRow::upper, true),
            new Column("standardError", Type.DOUBLE, SweepRow::standardError, true),
            new Column("nfe", Type.LONG, SweepRow::nfe, true),
            new Column("censored", Type.BOOLEAN, SweepRow::censored, true),
            new Column("atMinSteps", Type.BOOLEAN, SweepRow::atMinSteps, true),
            new Column("monotone", Type.BOOLEAN, SweepRow::monotone, true),
            new Column("evaluations", Type.INT, SweepRow::evaluations, true),
            new Column("seconds", Type.DOUBLE, SweepRow::seconds, false),
            new Column("executor", Type.STRING, SweepRow::executor, false));

    private SweepColumns() {}

    /** The values of a row's deterministic columns, for comparing runs bit for bit (doubles compared by their bits). */
    public static List<Object> deterministic(SweepRow row) {
        return ALL.stream().filter(Column::deterministic).map(c -> c.type() == Type.DOUBLE
                ? (Object) Double.doubleToRawLongBits((Double) c.value().apply(row)) : c.value().apply(row)).toList();
    }
}
