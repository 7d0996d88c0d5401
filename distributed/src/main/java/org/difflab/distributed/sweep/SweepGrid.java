package org.difflab.distributed.sweep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Gaussian;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;
import org.difflab.theory.metric.Metrics;

/**
 * A sweep's grid, checked before any work is submitted: the axes (targets, dimensions, integrators with parameters, kept
 * in their full spec form such as {@code ddim:eta=0.0},
 * step counts or tolerances, metrics, seeds) and the shared setup. Built from the same keys on the command line
 * ({@code --steps 16,32}), in a grid file ({@code steps = 16, 32}) and from Java ({@link Sweep}); every spec is parsed
 * and every cell's combination checked here, so that a malformed grid fails with one message naming the option or the
 * cell and what is allowed. {@link #cells()} expands it: target x dim x integrator x metric x (steps | eps) x seed
 * (seeds for Monte Carlo metrics only).
 */
public record SweepGrid(List<String> targets, List<Integer> dims, List<String> integrators, List<Integer> steps, List<Double> eps,
                        List<String> metrics, List<Long> seeds, int samples, SweepSetup setup) {

    /** The keys of a grid (the command line's options without their dashes). */
    public static final List<String> KEYS = List.of("target", "dims", "integrator", "steps", "eps", "metric", "seeds", "n", "schedule",
            "grid", "init", "reference", "proxy", "min-steps", "max-steps");
    /** Keys that take one value, kept whole (a schedule spec may hold commas). */
    static final List<String> SINGLE = List.of("schedule", "grid", "init", "reference", "proxy", "n", "min-steps", "max-steps");
    /** Default samples per Monte Carlo cell. */
    public static final int SAMPLES = 2000;

    public SweepGrid {
        targets = List.copyOf(targets);
        dims = List.copyOf(dims);
        integrators = List.copyOf(integrators);
        steps = List.copyOf(steps);
        eps = List.copyOf(eps);
        metrics = List.copyOf(metrics);
        seeds = List.copyOf(seeds);
    }

    /**
     * Checks and builds a grid from raw values per key (each a list of entries; spec lists already split, see
     * {@link SpecList}).
     *
     * @throws IllegalArgumentException naming the option ({@code --steps}, ...) or the cell, the value and what is allowed
     */
    public static SweepGrid of(Map<String, List<String>> raw) {
        for (String key : raw.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown grid key '" + key + "': allowed keys are " + String.join(", ", KEYS));
            }
        }
        SweepSetup d = SweepSetup.defaults();
        String schedule = single(raw, "schedule", d.schedule());
        String grid = single(raw, "grid", d.grid());
        String init = choice(single(raw, "init", d.init()), "--init", "prior", "exact");
        String reference = choice(single(raw, "reference", d.reference()), "--reference", "x0", "x1");
        String proxy = single(raw, "proxy", d.proxy());
        if (!proxy.equals("T") && !proxy.equals("h")) {
            throw new IllegalArgumentException("--proxy = " + proxy + " is not allowed: must be T (steps) or h (ln T / T)");
        }
        int minSteps = integer("--min-steps", single(raw, "min-steps", Integer.toString(d.minSteps())));
        int maxSteps = integer("--max-steps", single(raw, "max-steps", Integer.toString(d.maxSteps())));
        if (maxSteps < minSteps) {
            throw new IllegalArgumentException("--max-steps = " + maxSteps + " is not allowed with --min-steps = " + minSteps + ": must be >= it");
        }
        SweepSetup setup = new SweepSetup(schedule, grid, init, reference, proxy, minSteps, maxSteps);
        NoiseSchedule sched = parse("--schedule", schedule, () -> Schedules.parse(schedule));

        List<String> targets = required(raw, "target", "target spec, e.g. gaussian:d=2,mean=1,var=0.05");
        List<Integer> dims = distinct("--dims", raw.getOrDefault("dims", List.of()).stream().map(v -> integer("--dims", v)).toList(), true);
        List<String> integrators = distinct("--integrator", required(raw, "integrator", "integrator spec, e.g. heun (see 'difflab list "
                + "integrators')").stream().map(i -> parse("--integrator", i, () -> Integrators.parse(i)).spec()).toList(), false);
        List<String> metrics = distinct("--metric", raw.containsKey("metric") ? nonEmpty(raw, "metric", "metric name").stream()
                .map(SweepMetrics::canonical).toList() : List.of("w2"), false);
        boolean hasSteps = raw.containsKey("steps");
        if (hasSteps == raw.containsKey("eps")) {
            throw new IllegalArgumentException(hasSteps ? "--steps and --eps are both given, which is not allowed: step counts give errors, "
                    + "tolerances give the smallest step counts; give one of them" : "--steps and --eps are both missing: give step counts "
                    + "(errors against steps) or tolerances (smallest step counts)");
        }
        List<Integer> steps = hasSteps ? distinct("--steps", nonEmpty(raw, "steps", "step count").stream().map(v -> integer("--steps", v)).toList(), true)
                : List.of();
        List<Double> eps = hasSteps ? List.of() : distinct("--eps", nonEmpty(raw, "eps", "tolerance").stream().map(SweepGrid::tolerance).toList(), false);
        boolean monteCarlo = metrics.stream().anyMatch(m -> !SweepMetrics.exact(m));
        if (!monteCarlo && (raw.containsKey("seeds") || raw.containsKey("n"))) {
            throw new IllegalArgumentException((raw.containsKey("seeds") ? "--seeds" : "--n") + " is not allowed with only exact metrics "
                    + metrics + ": seeds and sample counts are for Monte Carlo metrics (mmd2, slicedW2sq, energy, ks, w1)");
        }
        List<Long> seeds = distinct("--seeds", raw.containsKey("seeds") ? nonEmpty(raw, "seeds", "seed").stream().map(SweepGrid::seed).toList()
                : List.of(0L), false);
        int samples = raw.containsKey("n") ? integer("--n", single(raw, "n", null)) : SAMPLES;
        if (samples < 2) {
            throw new IllegalArgumentException("--n = " + samples + " is not allowed: a Monte Carlo cell needs at least 2 samples");
        }
        for (int s : steps.isEmpty() ? List.of(minSteps, maxSteps) : steps) {
            parse("--grid", grid, () -> Grids.parse(grid, s).on(sched));
        }
        SweepGrid g = new SweepGrid(targets, dims, integrators, steps, eps, metrics, seeds, samples, setup);
        g.checkCells();
        return g;
    }

    /**
     * The entries of one key's text, as the command line and grid files give it: spec lists split keeping the commas
     * inside a spec ({@link SpecList}), single-valued keys whole, other lists at every comma.
     */
    public static List<String> entries(String key, String text) {
        if (key.equals("target") || key.equals("integrator")) {
            return text.isBlank() ? List.of() : SpecList.split("--" + key, text);
        }
        if (SINGLE.contains(key)) {
            return List.of(text.trim());
        }
        return text.isBlank() ? List.of() : Arrays.stream(text.split(",", -1)).map(String::trim).toList();
    }

    /** The cells, in the order target, dim, integrator, metric, steps or eps, seed. */
    public List<Cell> cells() {
        List<Cell> out = new ArrayList<>();
        for (String t : targets) {
            for (String spec : withDims(t)) {
                int d = Targets.parse(spec).dim();
                for (String i : integrators) {
                    for (String m : metrics) {
                        boolean exact = SweepMetrics.exact(m);
                        if (!steps.isEmpty()) {
                            for (int s : steps) {
                                if (exact) {
                                    out.add(new Cell(out.size() + 1, CellKind.EXACT, spec, d, i, m, s, Double.NaN, 0, 0, setup));
                                } else {
                                    for (long seed : seeds) {
                                        out.add(new Cell(out.size() + 1, CellKind.MONTE_CARLO, spec, d, i, m, s, Double.NaN, seed, samples, setup));
                                    }
                                }
                            }
                        } else {
                            for (double e : eps) {
                                out.add(new Cell(out.size() + 1, CellKind.SMALLEST_STEPS, spec, d, i, m, 0, e, 0, 0, setup));
                            }
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The target specs of one --target entry, one per dimension of --dims (the spec's own d when --dims is absent). */
    List<String> withDims(String target) {
        if (dims.isEmpty()) {
            return List.of(target);
        }
        List<String> out = new ArrayList<>();
        for (int d : dims) {
            out.add(TargetSpecs.withDim(target, d));
        }
        return out;
    }

    /** Checks every target and each (target, metric) combination, naming the cell. */
    private void checkCells() {
        for (String t : targets) {
            for (String spec : withDims(t)) {
                Target target = parse("--target", spec, () -> Targets.parse(spec));
                for (String m : metrics) {
                    String cell = "cell (target=" + spec + ", metric=" + m + ")";
                    if (SweepMetrics.exact(m) && !(target instanceof Gaussian)) {
                        throw new IllegalArgumentException(cell + " is not allowed: " + m + " is an exact metric and needs a Gaussian target, "
                                + "but " + spec + " is not one; use a Monte Carlo metric (mmd2, slicedW2sq, energy; ks, w1 in 1-D)");
                    }
                    if (!SweepMetrics.exact(m) && !eps.isEmpty()) {
                        throw new IllegalArgumentException(cell + " is not allowed: --eps searches the smallest step count on exact errors; "
                                + "use an exact metric (" + String.join(", ", Metrics.names()) + ") or --steps");
                    }
                    if (SweepMetrics.oneDimensional(m) && target.dim() != 1) {
                        throw new IllegalArgumentException(cell + " is not allowed: " + m + " compares one-dimensional samples, but the "
                                + "target has d = " + target.dim() + "; use mmd2, slicedW2sq or energy");
                    }
                }
            }
        }
    }

    private static <T> T parse(String option, String value, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " = " + value + " is not allowed: " + e.getMessage(), e);
        }
    }

    private static List<String> required(Map<String, List<String>> raw, String key, String what) {
        if (!raw.containsKey(key)) {
            throw new IllegalArgumentException("--" + key + " is missing: give at least one " + what);
        }
        return distinct("--" + key, nonEmpty(raw, key, what), false);
    }

    private static List<String> nonEmpty(Map<String, List<String>> raw, String key, String what) {
        List<String> v = raw.get(key).stream().map(String::trim).toList();
        if (v.isEmpty() || v.stream().allMatch(String::isEmpty)) {
            throw new IllegalArgumentException("--" + key + " is empty, which is not allowed: give at least one " + what);
        }
        if (v.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("--" + key + " = " + String.join(",", v) + " is not allowed: it has an empty entry");
        }
        return v;
    }

    private static String single(Map<String, List<String>> raw, String key, String dflt) {
        List<String> v = raw.get(key);
        if (v == null) {
            return dflt;
        }
        if (v.size() != 1 || v.get(0).isBlank()) {
            throw new IllegalArgumentException("--" + key + " = " + String.join(",", v) + " is not allowed: give exactly one value");
        }
        return v.get(0).trim();
    }

    private static String choice(String value, String option, String... allowed) {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return a;
            }
        }
        throw new IllegalArgumentException(option + " = " + value + " is not allowed: must be " + String.join(" or ", allowed));
    }

    private static <T> List<T> distinct(String option, List<T> values, boolean positive) {
        Set<T> seen = new LinkedHashSet<>();
        for (T v : values) {
            if (!seen.add(v)) {
                throw new IllegalArgumentException(option + " = " + values.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("")
                        + " is not allowed: " + v + " is given twice");
            }
            if (positive && v instanceof Integer i && i < 1) {
                throw new IllegalArgumentException(option + " = " + i + " is not allowed: must be an integer >= 1");
            }
        }
        return List.copyOf(seen);
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " = " + value + " is not allowed: must be an integer >= 1");
        }
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seeds = " + value + " is not allowed: seeds are integers (64-bit)");
        }
    }

    private static double tolerance(String value) {
        double e;
        try {
            e = Double.parseDouble(value.trim());
        } catch (NumberFormatException x) {
            e = Double.NaN;
        }
        if (!(e > 0) || !Double.isFinite(e)) {
            throw new IllegalArgumentException("--eps = " + value + " is not allowed: tolerances must be finite numbers > 0");
        }
        return e;
    }

    /** The grid in the form of its keys, for the table's metadata. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", targets);
        m.put("dims", dims);
        m.put("integrator", integrators);
        m.put(steps.isEmpty() ? "eps" : "steps", steps.isEmpty() ? eps : steps);
        m.put("metric", metrics);
        if (metrics.stream().anyMatch(x -> !SweepMetrics.exact(x))) {
            m.put("seeds", seeds);
            m.put("n", samples);
        }
        m.put("schedule", setup.schedule());
        m.put("grid", setup.grid());
        m.put("init", setup.init());
        m.put("reference", setup.reference());
        m.put("proxy", setup.proxy());
        if (!eps.isEmpty()) {
            m.put("min-steps", setup.minSteps());
            m.put("max-steps", setup.maxSteps());
        }
        return m;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%d cells: %s", cells().size(), describe());
    }
}
