package org.difflab.distributed.sweep;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.difflab.distributed.job.Outcome;
import org.difflab.distributed.job.ProgressListener;
import org.difflab.distributed.job.SparkTasks;
import org.difflab.distributed.spark.Cluster;
import org.difflab.distributed.spark.SparkOptions;
import org.difflab.dsl.integrator.Integrators;

/**
 * A sweep from Java: the grid's axes set by name, then run on a Spark master; the result is the table with its fits.
 *
 * <pre>{@code
 * SweepTable t = Sweep.grid()
 *     .targets("gaussian:mean=1,var=0.05").dims(1, 4, 16)
 *     .integrators("ddim", "heun", "dpmSolverPP2M")
 *     .steps(16, 32, 64, 128).metrics("w2")
 *     .run("local[*]");
 * }</pre>
 *
 * The keys and their checks are those of {@code difflab sweep} and grid files ({@link SweepGrid}): a bad grid fails
 * before Spark starts.
 */
public final class Sweep {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Sweep() {}

    /** An empty grid (defaults as {@link SweepSetup#defaults()}; metric w2). */
    public static Sweep grid() {
        return new Sweep();
    }

    /** The grid of a grid file ({@link SweepFile}), which the setters can still change. */
    public static Sweep fromFile(Path file) {
        Sweep s = new Sweep();
        s.values.putAll(SweepFile.read(file));
        return s;
    }

    /** Sets one key ({@link SweepGrid#KEYS}) to these entries, replacing what it had. */
    public Sweep set(String key, List<String> entries) {
        if (!SweepGrid.KEYS.contains(key)) {
            throw new IllegalArgumentException("key = " + key + " is not allowed: grid keys are " + String.join(", ", SweepGrid.KEYS));
        }
        values.put(key, List.copyOf(entries));
        return this;
    }

    // The axis setters look alike, but each names its own axis and writes its own type as the grid's strings.
    public Sweep targets(String... specs) {
        return set("target", Arrays.asList(specs));
    }

    // each axis setter is one set(...) of its own key and formatting; alike one another in form only
    public Sweep dims(int... dims) {
        return set("dims", IntStream.of(dims).mapToObj(Integer::toString).toList());
    }

    public Sweep integrators(String... specs) {
        return set("integrator", Arrays.asList(specs));
    }

    public Sweep steps(int... steps) {
        return set("steps", IntStream.of(steps).mapToObj(Integer::toString).toList());
    }

    public Sweep eps(double... eps) {
        return set("eps", Arrays.stream(eps).mapToObj(Double::toString).toList());
    }

    public Sweep metrics(String... names) {
        return set("metric", Arrays.asList(names));
    }

    /** Seeds of the Monte Carlo cells. */
    public Sweep seeds(long... seeds) {
        return set("seeds", LongStream.of(seeds).mapToObj(Long::toString).toList());
    }

    /** Samples per Monte Carlo cell. */
    public Sweep samples(int n) {
        return set("n", List.of(Integer.toString(n)));
    }

    public Sweep schedule(String spec) {
        return set("schedule", List.of(spec));
    }

    /** The time-grid rule, e.g. {@code uniform} or {@code karras:rho=7}. */
    public Sweep timeGrid(String rule) {
        return set("grid", List.of(rule));
    }

    /** {@code prior} or {@code exact}. */
    public Sweep init(String init) {
        return set("init", List.of(init));
    }

    /** {@code x1} or {@code x0}. */
    public Sweep reference(String reference) {
        return set("reference", List.of(reference));
    }

    /** {@code T} or {@code h}. */
    public Sweep proxy(String proxy) {
        return set("proxy", List.of(proxy));
    }

    /** The first and last step counts of smallest-steps searches. */
    public Sweep stepRange(int minSteps, int maxSteps) {
        set("min-steps", List.of(Integer.toString(minSteps)));
        return set("max-steps", List.of(Integer.toString(maxSteps)));
    }

    /** The checked grid. */
    public SweepGrid build() {
        return SweepGrid.of(values);
    }

    /** Runs on a master ({@code local[*]}, {@code spark://HOST:PORT}) with the default options, quietly. */
    public SweepTable run(String master) {
        return run(SparkOptions.of(master), ProgressListener.NONE, line -> { });
    }

    /** Runs on a Spark started for this sweep and stopped after it. */
    public SweepTable run(SparkOptions options, ProgressListener progress, Consumer<String> log) {
        SweepGrid g = build();
        try (Cluster cluster = Cluster.start(options, log)) {
            return run(cluster, g, progress);
        }
    }

    /** Runs on a Spark already started (notebooks and benchmarks reuse one). */
    public SweepTable run(Cluster cluster, ProgressListener progress) {
        return run(cluster, build(), progress);
    }

    /**
     * Runs a checked grid's cells as Spark tasks, the costliest first (Spark starts tasks in submission order, so a long
     * cell started last would leave the other slots idle), and assembles the table in the grid's order.
     */
    public static SweepTable run(Cluster cluster, SweepGrid grid, ProgressListener progress) {
        List<Cell> cells = grid.cells();
        List<Integer> order = IntStream.range(0, cells.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -cost(cells.get(i))).thenComparing(i -> i)).toList();
        long start = System.nanoTime();
        List<Outcome<Measurement>> out = SparkTasks.run(cluster, "sweep", "cell", order.stream().map(cells::get).toList(), new CellEvaluator(),
                progress);
        double seconds = (System.nanoTime() - start) / 1e9;
        SweepRow[] rows = new SweepRow[cells.size()];
        for (Outcome<Measurement> o : out) {
            int cell = order.get(o.index());
            rows[cell] = SweepRow.of(cells.get(cell), o.value(), o.seconds(), o.executor());
        }
        return SweepTable.of(grid, Arrays.asList(rows), cluster.toString(), cluster.executors(), seconds);
    }

    /**
     * A cell's expected cost, for the submission order only: model evaluations of its run (steps x evaluations per step,
     * times the samples of a Monte Carlo cell); a smallest-steps search is counted at its cap.
     */
    static double cost(Cell c) {
        int steps = c.kind() == CellKind.SMALLEST_STEPS ? c.setup().maxSteps() : c.steps();
        return (double) steps * Integrators.parse(c.integrator()).nfePerStep() * Math.max(1, c.samples());
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + " = " + String.join(",", e.getValue())).collect(Collectors.joining("; "));
    }
}
