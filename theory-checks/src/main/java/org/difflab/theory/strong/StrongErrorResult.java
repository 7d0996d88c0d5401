package org.difflab.theory.strong;

import java.util.List;
import java.util.Map;
import org.difflab.theory.convergence.OrderFit;
import org.difflab.theory.convergence.SeriesBySpec;

/**
 * The outcome of a {@link StrongError} study: for each integrator, the strong error at each step count against its
 * reference run, and the fitted strong order.
 */
public record StrongErrorResult(int samples, long seed, Map<String, Series> series) implements SeriesBySpec<StrongErrorResult.Series> {

    /**
     * One run: step count, strong error RMS_i ||x_i - x_ref,i|| / sqrt(d) with its standard error (delta method over
     * samples), model evaluations per trajectory and wall time.
     */
    public record Point(int steps, double error, double standardError, long nfe, double wallSeconds) {}

    /**
     * The points of one integrator, the reference it was measured against, the fitted strong order, and the samples of
     * its run at the largest step count (one row per path, flattened).
     */
    public record Series(String integrator, boolean stochastic, String reference, int referenceSteps, List<Point> points, OrderFit fit,
                         double[][] finest) implements SeriesBySpec.IntegratorSeries {
        public Series {
            points = List.copyOf(points);
        }
    }

    public StrongErrorResult {
        series = Map.copyOf(series);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(String.format("strong error, %d samples, seed %d%n", samples, seed));
        b.append(String.format("%-28s %7s %14s %10s %7s %9s%n", "integrator", "steps", "strong error", "se", "nfe", "wall s"));
        byIntegrator().forEach(s -> {
            for (Point p : s.points()) {
                b.append(String.format("%-28s %7d %14.6e %10.2e %7d %9.3f%n", s.integrator(), p.steps(), p.error(), p.standardError(),
                        p.nfe(), p.wallSeconds()));
            }
            b.append(String.format("%-28s vs %s at %d steps: strong %s%n", s.integrator(), s.reference(), s.referenceSteps(), s.fit()));
        });
        return b.toString();
    }
}
