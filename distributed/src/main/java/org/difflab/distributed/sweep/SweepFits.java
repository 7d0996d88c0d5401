package org.difflab.distributed.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.theory.complexity.ComplexityResult;
import org.difflab.theory.convergence.ConvergenceResult;
import org.difflab.theory.convergence.OrderFit;
import org.difflab.theory.convergence.StepProxy;
import org.difflab.theory.metric.MetricValue;

/**
 * The studies inside a sweep's table, as theory-checks' own results, so that they fit, print, plot and render as local
 * studies do: rows with step counts grouped by (target, metric) give a {@link ConvergenceResult} per group (one series
 * per integrator, orders fitted by {@link OrderFit}; Monte Carlo errors averaged over the seeds first), and
 * smallest-steps rows grouped by (target family, metric) give a {@link ComplexityResult} (T ~ C d^a eps^-b fitted by
 * {@code ComplexityFit} over the cells neither censored nor at the first count). A series that cannot be fitted
 * (one step count, an error of 0) is left out with a note saying why.
 *
 * @param convergence the convergence studies by title, e.g. {@code w2 on gaussian:d=2,mean=1,var=0.05}
 * @param complexity  the complexity studies by title
 * @param notes       why series were left out
 */
public record SweepFits(Map<String, ConvergenceResult> convergence, Map<String, ComplexityResult> complexity, List<String> notes) {

    public SweepFits {
        convergence = Collections.unmodifiableMap(new LinkedHashMap<>(convergence));
        complexity = Collections.unmodifiableMap(new LinkedHashMap<>(complexity));
        notes = List.copyOf(notes);
    }

    /** The studies of these rows. */
    public static SweepFits of(List<SweepRow> rows, SweepSetup setup) {
        StepProxy proxy = setup.proxy().equals("h") ? StepProxy.LOG_STEPS_OVER_STEPS : StepProxy.STEPS;
        Map<String, Map<String, TreeMap<Integer, List<SweepRow>>>> errors = new LinkedHashMap<>();
        Map<String, Map<String, List<SweepRow>>> smallest = new LinkedHashMap<>();
        for (SweepRow r : rows) {
            if (r.cellKind() == CellKind.SMALLEST_STEPS) {
                smallest.computeIfAbsent(r.metric() + " on " + TargetSpecs.withoutDim(r.target()), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.integrator(), k -> new ArrayList<>()).add(r);
            } else {
                errors.computeIfAbsent(r.metric() + " on " + r.target(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(r.integrator(), k -> new TreeMap<>()).computeIfAbsent(r.steps(), k -> new ArrayList<>()).add(r);
            }
        }
        List<String> notes = new ArrayList<>();
        Map<String, ConvergenceResult> convergence = new LinkedHashMap<>();
        errors.forEach((title, byIntegrator) -> {
            Map<String, ConvergenceResult.Series> series = new LinkedHashMap<>();
            byIntegrator.forEach((integrator, bySteps) -> series(title, integrator, bySteps, proxy, notes)
                    .ifPresent(s -> series.put(integrator, s)));
            if (!series.isEmpty()) {
                convergence.put(title, new ConvergenceResult(title.substring(0, title.indexOf(" on ")), proxy, series));
            }
        });
        Map<String, ComplexityResult> complexity = new LinkedHashMap<>();
        smallest.forEach((title, byIntegrator) -> {
            Map<String, ComplexityResult.Series> series = new LinkedHashMap<>();
            byIntegrator.forEach((integrator, cells) -> {
                List<ComplexityResult.Cell> c = cells.stream().map(r -> new ComplexityResult.Cell(r.dim(), r.eps(), r.steps(), r.value(),
                        r.censored(), r.atMinSteps(), r.monotone(), r.evaluations())).toList();
                series.put(integrator, new ComplexityResult.Series(integrator, c, new ComplexityResult.Series(integrator, c, null).fit(1, false)));
            });
            complexity.put(title, new ComplexityResult(title.substring(0, title.indexOf(" on ")), setup.maxSteps(), series));
        });
        return new SweepFits(convergence, complexity, notes);
    }

    /** One integrator's points (mean over seeds per step count) and fitted order, or a note why there is none. */
    private static Optional<ConvergenceResult.Series> series(String title, String integrator, TreeMap<Integer, List<SweepRow>> bySteps,
                                                                     StepProxy proxy, List<String> notes) {
        int n = bySteps.size();
        int[] steps = new int[n];
        double[] errors = new double[n];
        List<ConvergenceResult.Point> points = new ArrayList<>();
        int i = 0;
        for (Map.Entry<Integer, List<SweepRow>> e : bySteps.entrySet()) {
            List<SweepRow> same = e.getValue();
            double value = same.stream().mapToDouble(SweepRow::value).average().orElseThrow();
            double se = Math.sqrt(same.stream().mapToDouble(r -> r.standardError() * r.standardError()).sum()) / same.size();
            MetricValue v = same.size() == 1 ? new MetricValue(value, same.get(0).lower(), same.get(0).upper(), se)
                    : new MetricValue(value, same.stream().mapToDouble(SweepRow::lower).average().orElseThrow(),
                    same.stream().mapToDouble(SweepRow::upper).average().orElseThrow(), se);
            long nfe = same.get(0).nfe();
            points.add(new ConvergenceResult.Point(e.getKey(), v, nfe, nfe, same.stream().mapToDouble(SweepRow::seconds).sum()));
            steps[i] = e.getKey();
            errors[i++] = value;
        }
        if (n < 2) {
            notes.add(title + ", " + integrator + ": one step count, no order fitted");
            return Optional.empty();
        }
        try {
            return Optional.of(new ConvergenceResult.Series(integrator, Integrators.parse(integrator).expectedOrder(), points,
                    OrderFit.fit(steps, errors, proxy)));
        } catch (IllegalArgumentException e) {
            notes.add(title + ", " + integrator + ": no order fitted (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }
}
