package org.difflab.distributed.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.difflab.distributed.job.TaskItem;

/**
 * One independent cell of a sweep, as plain values (it travels to an executor): what to measure, on which target, with
 * which integrator and metric, and the setup shared by the sweep.
 *
 * @param number     1-based place of the cell in its grid's expansion
 * @param kind       what is measured
 * @param target     the target spec, dimension included ({@code gaussian:d=4,mean=1,var=0.05})
 * @param dim        the target's dimension
 * @param integrator the integrator spec
 * @param metric     the metric's name (exact: {@code w2}, ...; Monte Carlo: {@code mmd2}, ...)
 * @param steps      step count (0 for {@link CellKind#SMALLEST_STEPS}, whose step count is the result)
 * @param eps        tolerance of {@link CellKind#SMALLEST_STEPS}, NaN otherwise
 * @param seed       seed of a Monte Carlo cell's samples (0 otherwise)
 * @param samples    samples of a Monte Carlo cell (0 otherwise)
 * @param setup      schedule, grid and the other settings shared by every cell
 */
public record Cell(int number, CellKind kind, String target, int dim, String integrator, String metric, int steps, double eps, long seed, int samples,
                   SweepSetup setup) implements TaskItem {

    @Override
    public int number(int index) {
        return number;
    }

    @Override
    public String describe() {
        List<String> parts = new ArrayList<>(List.of("target=" + target, "integrator=" + integrator, "metric=" + metric));
        switch (kind) {
            case EXACT -> parts.add("steps=" + steps);
            case SMALLEST_STEPS -> parts.add(String.format(Locale.ROOT, "eps=%s", eps));
            case MONTE_CARLO -> parts.addAll(List.of("steps=" + steps, "seed=" + seed, "n=" + samples));
        }
        return String.join(", ", parts);
    }
}
