package org.difflab.theory.claims;

import ai.djl.ndarray.types.Shape;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.runtime.data.ImageGrid;
import org.difflab.theory.convergence.OrderFit;
import org.difflab.theory.convergence.StepProxy;
import org.difflab.theory.strong.StrongError;
import org.difflab.theory.strong.StrongErrorResult;

/**
 * A strong-order claim on any score model, a trained network included: each integrator runs at several step counts
 * from the same initial noise (and, when stochastic, the same Brownian path) and is compared path by path with a fine
 * reference run ({@link StrongError}); the fitted order is judged with {@link Judgement#ofOrder}. It needs no
 * closed-form law, which is what makes convergence checkable on real networks. On an image model the report shows a
 * grid of each integrator's paths at the largest step count.
 *
 * @param id             short stable id
 * @param family         the report section
 * @param provenance     the paper, the place in it and the kind of claim
 * @param statement      what the theory states
 * @param integrators    integrator specs, each judged on its own
 * @param model          the score model
 * @param schedule       schedule spec, as in {@code Schedules.parse}
 * @param steps          step counts of the study (uniform grids), increasing
 * @param reference      the reference integrator's spec
 * @param referenceSteps the reference's step count, above the largest study step count
 * @param samples        paths per run
 * @param seed           seed of the initial noise and the Brownian path
 * @param expectedOrder  the strong order the theory gives
 * @param tolerance      how far the fitted order and the last local slope may be from it
 * @param note           what a reader should know (may be empty)
 */
public record StrongOrderClaim(String id, String family, Provenance provenance, String statement, List<String> integrators, ClaimModel model,
                               String schedule, int[] steps, String reference, int referenceSteps, int samples, long seed, double expectedOrder,
                               double tolerance, String note) implements Claim {

    public StrongOrderClaim {
        Claim.requireId(id);
        if (integrators == null || integrators.isEmpty() || model == null || provenance == null) {
            throw new IllegalArgumentException("integrators = " + integrators + ", model = " + model + " are not allowed for claim " + id
                    + ": at least 1 integrator and a model");
        }
        integrators = List.copyOf(integrators);
        integrators.forEach(Integrators::parse);
        Schedules.parse(schedule);
        Integrators.parse(reference);
        steps = steps.clone();
        note = Claim.orEmpty(note);
    }

    @Override
    public String rule() {
        return OrderClaim.rule("log RMS path error against log T (or log h) fitted with the next-order term made explicit");
    }

    /** This claim about other integrators (e.g. mutants, for controls) at other step counts. */
    public StrongOrderClaim withIntegrators(List<String> specs, int... newSteps) {
        return new StrongOrderClaim(id, family, provenance, statement, specs, model, schedule, newSteps, reference, referenceSteps, samples, seed,
                expectedOrder, tolerance, note);
    }

    @Override
    public String expectation() {
        return String.format(Locale.ROOT, "strong order %s +/- %.2f: slope of log(RMS path error) against log T (negated)",
                OrderChart.number(expectedOrder), tolerance);
    }

    @Override
    public String setup() {
        return String.format(Locale.ROOT, "model %s, schedule %s, uniform grids of %s steps, float64 paths; reference %s at %d steps; "
                        + "%d paths from the same initial noise and Brownian path (seed %d); error RMS_i ||x_i - x_ref,i|| / sqrt(d)",
                model.description(), schedule, Arrays.toString(steps), reference, referenceSteps, samples, seed);
    }

    @Override
    public ClaimResult check() {
        long start = System.nanoTime();
        Integrator[] study = integrators.stream().map(Integrators::parse).toArray(Integrator[]::new);
        Shape[] event = new Shape[1];
        StrongErrorResult r = model.with(m -> {
            event[0] = m.eventShape();
            return StrongError.study(study).model(m).schedule(Schedules.parse(schedule)).grid(Grids.uniform(steps[0])).steps(steps)
                    .reference(Integrators.parse(reference), referenceSteps).samples(samples).seed(seed).run();
        });
        List<Figure> figures = new ArrayList<>();
        List<Check> checks = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        List<OrderChart.Curve> curves = new ArrayList<>();
        for (StrongErrorResult.Series s : r.series().values()) {
            OrderFit f = s.fit();
            Judgement j = Judgement.ofOrder(expectedOrder, tolerance, f.order(), f.lower(), f.upper(), f.localSlopes());
            checks.add(new Check(s.integrator(), "strong order", f.order(), f.lower(), f.upper(), OrderChart.number(expectedOrder), j));
            Table.Builder t = Table.of(s.integrator() + ": strong error against steps (reference " + s.reference() + ", " + s.referenceSteps()
                    + " steps)", "steps", "NFE", "RMS path error", "standard error", "wall s");
            for (StrongErrorResult.Point p : s.points()) {
                t.row(p.steps(), p.nfe(), String.format(Locale.ROOT, "%.4e", p.error()), String.format(Locale.ROOT, "%.2e", p.standardError()),
                        String.format(Locale.ROOT, "%.3f", p.wallSeconds()));
            }
            tables.add(t.build());
            if (isImage(event[0])) {
                figures.add(new Figure(String.format(Locale.ROOT, "%s, %d steps (the study's paths)", s.integrator(), steps[steps.length - 1]),
                        grid(s.finest(), event[0])));
            }
            curves.add(new OrderChart.Curve(s.integrator(), s.points().stream().mapToInt(StrongErrorResult.Point::steps).toArray(),
                    s.points().stream().mapToDouble(StrongErrorResult.Point::error).toArray(), f, expectedOrder));
        }
        return new ClaimResult(this, checks, tables, OrderChart.of(id + " (expected strong order " + OrderChart.number(expectedOrder) + ")",
                "RMS path error", StepProxy.STEPS, curves), figures, (System.nanoTime() - start) * 1e-9);
    }

    /** Samples [C, H, W] with 1 or 3 channels are images: the report shows a grid of them. */
    private static boolean isImage(Shape event) {
        return event.dimension() == 3 && (event.get(0) == 1 || event.get(0) == 3);
    }

    private static BufferedImage grid(double[][] rows, Shape event) {
        int n = Math.min(rows.length, 16);
        int d = rows[0].length;
        float[] values = new float[n * d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                values[i * d + j] = (float) rows[i][j];
            }
        }
        return ImageGrid.render(values, n, (int) event.get(0), (int) event.get(1), (int) event.get(2), 8, 3);
    }
}
