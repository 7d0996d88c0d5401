package org.difflab.theory.complexity;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.difflab.theory.convergence.SeriesBySpec;

/**
 * The outcome of a {@link ComplexityStudy}: for each integrator, the smallest step count T(d, eps) found for each
 * dimension and tolerance, and the power-law fit of T over the uncensored cells.
 *
 * @param metric    name of the metric whose upper bound was searched
 * @param maxSteps  the search cap: a cell above it is censored
 * @param series    one series per integrator spec
 */
public record ComplexityResult(String metric, int maxSteps, Map<String, Series> series) implements SeriesBySpec<ComplexityResult.Series> {

    /**
     * One search: dimension, tolerance, the smallest T with error <= eps (or maxSteps when censored), the error
     * at that T, whether the search stopped at maxSteps with error > eps (censored: T > maxSteps), whether the error
     * was already <= eps at the first step count tried (atMinSteps: T <= minSteps), whether every error evaluated in
     * the (d, integrator) series agreed with monotonicity around this T, and the number of exact evaluations the
     * search itself ran (cached ones not counted). Censored and atMinSteps cells are left out of the fit.
     */
    public record Cell(int dim, double eps, int steps, double error, boolean censored, boolean atMinSteps, boolean monotone, int evaluations) {
    }

    /** The cells of one integrator, and the fit over its cells that are neither censored nor at minSteps (null when not identifiable). */
    public record Series(String integrator, List<Cell> cells, ComplexityFit fit) implements SeriesBySpec.IntegratorSeries {
        public Series {
            cells = List.copyOf(cells);
        }

        /**
         * A power-law fit over the cells with T >= fromSteps that are neither censored nor at minSteps, of T itself or
         * of T / ln T (the Li schedule's step is h ~ c1 ln T / T, and bounds such as d log^3 T / T hide logs, so T / ln T
         * is closer to the quantity the bounds are about); null when not identifiable. E.g. {@code fit(128, false)}
         * leaves out cells before a sampler's asymptotic regime.
         */
        public ComplexityFit fit(int fromSteps, boolean perLogSteps) {
            return fitOf(cells, fromSteps, perLogSteps ? 1 : 0);
        }

        /**
         * The power-law fit of T / ln^k T (k = {@code logPower} &gt;= 0) over the cells with T &gt;= fromSteps that are
         * neither censored nor at minSteps: a bound O~(d^a / eps^b) whose hidden factor is log^k T is a power law in
         * T / ln^k T; null when not identifiable.
         */
        public ComplexityFit fit(int fromSteps, int logPower) {
            return fitOf(cells, fromSteps, logPower);
        }

        static ComplexityFit fitOf(List<Cell> cells, int fromSteps, int logPower) {
            if (logPower < 0) {
                throw new IllegalArgumentException("logPower = " + logPower + " is not allowed: must be >= 0");
            }
            List<Cell> kept = cells.stream().filter(c -> !c.censored() && !c.atMinSteps() && c.steps() >= fromSteps).toList();
            double[] d = kept.stream().mapToDouble(Cell::dim).toArray();
            double[] e = kept.stream().mapToDouble(Cell::eps).toArray();
            double[] t = kept.stream().mapToDouble(c -> c.steps() / Math.pow(Math.log(c.steps()), logPower)).toArray();
            return ComplexityFit.identifiable(d, e) ? ComplexityFit.of(d, e, t) : null;
        }

        /** The cell for this dimension and tolerance. */
        public Cell cell(int dim, double eps) {
            return cells.stream().filter(c -> c.dim() == dim && c.eps() == eps).findFirst().orElseThrow(() -> new IllegalArgumentException(
                    "(dim, eps) = (" + dim + ", " + eps + ") is not allowed: not in the study"));
        }
    }

    public ComplexityResult {
        series = Map.copyOf(series);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        byIntegrator().forEach(s -> {
            TreeSet<Double> eps = new TreeSet<>((x, y) -> Double.compare(y, x));
            TreeSet<Integer> dims = new TreeSet<>();
            s.cells().forEach(c -> {
                eps.add(c.eps());
                dims.add(c.dim());
            });
            b.append(String.format("%s: smallest T with %s upper bound <= eps%n%6s", s.integrator(), metric, "d"));
            eps.forEach(e -> b.append(String.format(" %11s", String.format("eps=%.0e", e))));
            b.append('\n');
            for (int d : dims) {
                b.append(String.format("%6d", d));
                for (double e : eps) {
                    Cell c = s.cell(d, e);
                    String t = c.censored() ? ">" + maxSteps : c.atMinSteps() ? "<=" + c.steps() : Integer.toString(c.steps());
                    b.append(String.format(" %11s", t + (c.monotone() ? "" : "!")));
                }
                b.append('\n');
            }
            b.append("  fit: ").append(s.fit() == null ? "none (fewer than " + ComplexityFit.MIN_POINTS
                    + " cells neither censored nor at minSteps, or a single d or eps)" : s.fit()).append('\n');
        });
        b.append("(>N = censored: error > eps at maxSteps; <=N = error <= eps at minSteps = N; both left out of the fit; "
                + "! = non-monotone errors seen near this T)\n");
        return b.toString();
    }
}
