package org.difflab.theory.convergence;

import java.util.List;
import java.util.Map;
import org.difflab.theory.metric.MetricValue;

/**
 * The outcome of a {@link Convergence} study: for each integrator, one {@link Point} per step count and the fitted
 * {@link OrderFit}. Its shape is {@code StrongErrorResult}'s, but not its logic: its points carry a metric's value and an
 * evaluation-count check, the strong result's a standard error and a reference run, so each prints its own columns.
 */
public record ConvergenceResult(String metric, StepProxy proxy, Map<String, Series> series) implements SeriesBySpec<ConvergenceResult.Series> {

    /** One run: step count, error, evaluations (counted by the run, and as the integrator predicts), wall time. */
    public record Point(int steps, MetricValue error, long nfe, long expectedNfe, double wallSeconds) {
        /** Whether the run's evaluation count matches {@code integrator.nfe(grid)}. */
        public boolean nfeMatches() {
            return nfe == expectedNfe;
        }
    }

    /** The points of one integrator and its fitted order. */
    public record Series(String integrator, double expectedOrder, List<Point> points, OrderFit fit) implements SeriesBySpec.IntegratorSeries {
        public Series {
            points = List.copyOf(points);
        }
    }

    public ConvergenceResult {
        series = Map.copyOf(series);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%-28s %7s %14s %7s %9s%n", "integrator", "steps", metric, "nfe", "wall s"));
        byIntegrator().forEach(s -> {
            for (Point p : s.points()) {
                b.append(String.format("%-28s %7d %14.6e %7d%s %9.3f%n", s.integrator(), p.steps(), p.error().value(), p.nfe(),
                        p.nfeMatches() ? " " : "*", p.wallSeconds()));
            }
            b.append(String.format("%-28s fit vs %s: %s (expected %.1f)%n", s.integrator(), proxy == StepProxy.STEPS ? "h = 1/T" : "h = ln T / T",
                    s.fit(), s.expectedOrder()));
        });
        b.append("(* = evaluation count differs from integrator.nfe(grid))\n");
        return b.toString();
    }
}
