package org.difflab.plugin.notebook;

import java.util.List;
import java.util.function.Function;
import org.difflab.distributed.sweep.SweepTable;
import org.difflab.dsl.conformance.ConformanceReport;
import org.difflab.dsl.hierarchy.ModelHierarchy;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.plugin.notebook.repr.ChartRepr;
import org.difflab.plugin.notebook.repr.ClaimRepr;
import org.difflab.plugin.notebook.repr.ComplexityRepr;
import org.difflab.plugin.notebook.repr.ConformanceRepr;
import org.difflab.plugin.notebook.repr.ConvergenceRepr;
import org.difflab.plugin.notebook.repr.FigureRepr;
import org.difflab.plugin.notebook.repr.HierarchyRepr;
import org.difflab.plugin.notebook.repr.SamplesRepr;
import org.difflab.plugin.notebook.repr.ScheduleRepr;
import org.difflab.plugin.notebook.repr.SweepRepr;
import org.difflab.theory.claims.Chart;
import org.difflab.theory.claims.ClaimResult;
import org.difflab.theory.claims.Figure;
import org.difflab.theory.complexity.ComplexityResult;
import org.difflab.theory.convergence.ConvergenceResult;

/**
 * The one place that knows which DiffLab types a notebook renders and how: each type maps to its MIME bundle. Kernel
 * adapters register {@link #types()} with their kernel and call {@link #of}; nothing here depends on a kernel.
 */
public final class Repr {
    private record Entry<T>(Class<T> type, Function<T, MimeBundle> render) {
        MimeBundle apply(Object o) {
            return render.apply(type.cast(o));
        }
    }

    private static final List<Entry<?>> ENTRIES = List.of(
            new Entry<>(MimeRenderable.class, MimeRenderable::mimeBundle),
            new Entry<>(Samples.class, SamplesRepr::of),
            new Entry<>(ConvergenceResult.class, ConvergenceRepr::of),
            new Entry<>(ComplexityResult.class, ComplexityRepr::of),
            new Entry<>(ClaimResult.class, ClaimRepr::of),
            new Entry<>(Figure.class, FigureRepr::of),
            new Entry<>(Chart.class, ChartRepr::of),
            new Entry<>(NoiseSchedule.class, ScheduleRepr::of),
            new Entry<>(ModelHierarchy.class, HierarchyRepr::of),
            new Entry<>(ConformanceReport.class, ConformanceRepr::of),
            new Entry<>(SweepTable.class, SweepRepr::of));

    private Repr() {}

    /** The rendered types (classes and interfaces); a value renders when it is an instance of one. */
    public static List<Class<?>> types() {
        return ENTRIES.stream().<Class<?>>map(Entry::type).toList();
    }

    /** Whether {@link #of} renders this value. */
    public static boolean supports(Object value) {
        return value != null && ENTRIES.stream().anyMatch(e -> e.type().isInstance(value));
    }

    /**
     * The MIME bundle of a value.
     *
     * @throws IllegalArgumentException naming the value's class and the rendered types when it is none of them
     */
    public static MimeBundle of(Object value) {
        for (Entry<?> e : ENTRIES) {
            if (e.type().isInstance(value)) {
                return e.apply(value);
            }
        }
        throw new IllegalArgumentException("value = " + value + (value == null ? "" : " (" + value.getClass().getName() + ")")
                + " is not allowed: DiffLab renders instances of " + types().stream().map(Class::getSimpleName).toList());
    }
}
