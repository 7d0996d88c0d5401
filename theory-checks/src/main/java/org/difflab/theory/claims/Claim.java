package org.difflab.theory.claims;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.difflab.theory.convergence.ConvergenceResult;
import org.difflab.theory.convergence.OrderFit;
import org.difflab.theory.convergence.StepProxy;

/**
 * A convergence-order claim from the literature, as data: what a paper states, on which setup we measure it, the
 * order we expect to see and how close is close enough. {@link #check()} runs the exact convergence study and
 * judges every integrator with {@link Judgement#ofOrder}.
 *
 * @param id            short stable id, e.g. {@code order-heun} (lower case, digits and '-')
 * @param source        the paper or section the claim comes from
 * @param statement     what the theory states
 * @param integrators   integrator specs, as in {@code Integrators.parse}, each judged on its own
 * @param experiment    the setup
 * @param expectedOrder the order we expect to measure
 * @param tolerance     how far the fitted order and the last local slope may be from it
 * @param note          what a reader should know about the measurement (may be empty)
 */
public record Claim(String id, String source, String statement, List<String> integrators, Experiment experiment,
                    double expectedOrder, double tolerance, String note) {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    public Claim {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id = '" + id + "' is not allowed: lower-case words, digits and '-', e.g. order-heun");
        }
        if (integrators == null || integrators.isEmpty()) {
            throw new IllegalArgumentException("integrators = " + integrators + " is not allowed for claim " + id + ": give at least 1");
        }
        if (experiment == null) {
            throw new IllegalArgumentException("experiment is null, which is not allowed for claim " + id);
        }
        if (!(expectedOrder > 0) || !(tolerance > 0)) {
            throw new IllegalArgumentException("expectedOrder = " + expectedOrder + ", tolerance = " + tolerance
                    + " are not allowed for claim " + id + ": both must be > 0");
        }
        integrators = List.copyOf(integrators);
        source = source == null ? "" : source;
        statement = statement == null ? "" : statement;
        note = note == null ? "" : note;
    }

    /** What we expect to measure, in words. */
    public String expectation() {
        return String.format(Locale.ROOT, "order %s +/- %.2f: slope of log(%s error) against log %s", expectedOrder == Math.rint(expectedOrder)
                ? String.format(Locale.ROOT, "%.0f", expectedOrder) : Double.toString(expectedOrder), tolerance, experiment.metric(),
                experiment.proxy() == StepProxy.STEPS ? "T (negated)" : "h = ln T / T");
    }

    /** This claim measured on other step counts (e.g. fewer, for a quick run). */
    public Claim withSteps(int... steps) {
        return new Claim(id, source, statement, integrators, experiment.withSteps(steps), expectedOrder, tolerance, note);
    }

    /** Runs the study and judges it. */
    public ClaimResult check() {
        long start = System.nanoTime();
        ConvergenceResult r = experiment.study(integrators).run();
        List<Measurement> out = new ArrayList<>();
        for (ConvergenceResult.Series s : r.series().values()) {
            OrderFit f = s.fit();
            Judgement j = Judgement.ofOrder(expectedOrder, tolerance, f.order(), f.lower(), f.upper(), f.localSlopes());
            out.add(new Measurement(s.integrator(), s.points(), f.order(), f.lower(), f.upper(), f.localSlopes(), j));
        }
        out.sort((a, b) -> Integer.compare(order(a.integrator()), order(b.integrator())));
        return new ClaimResult(this, out, (System.nanoTime() - start) * 1e-9);
    }

    /** Position of a measured series in the claim's integrator list (series are keyed by full spec, e.g. ddim:eta=0.0). */
    private int order(String spec) {
        String name = spec.split(":", 2)[0];
        for (int i = 0; i < integrators.size(); i++) {
            if (integrators.get(i).split(":", 2)[0].equals(name)) {
                return i;
            }
        }
        return integrators.size();
    }
}
