package org.difflab.plugin.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.difflab.distributed.cluster.LocalStandaloneCluster;
import org.difflab.distributed.job.ProgressListener;
import org.difflab.distributed.job.SparkTasks;
import org.difflab.distributed.job.TaskItem;
import org.difflab.distributed.spark.Cluster;
import org.difflab.distributed.spark.SparkOptions;
import org.difflab.distributed.sweep.Sweep;
import org.difflab.distributed.sweep.SweepRow;
import org.difflab.distributed.sweep.SweepTable;

/**
 * {@code difflab bench --only cluster}: what Spark costs and gives. One CPU-bound sweep (exact evaluations of four
 * samplers at 200..1600 steps on a 16-dimensional Gaussian with a full covariance, 16 cells of about a second each) on
 * local[1], local[2] and a standalone cluster of one master and two one-core workers on 127.0.0.1 started here; per
 * configuration Spark's start-up, the sweep's wall time, the speed-up over local[1], and the overhead per task (a job of
 * 200 tasks that do nothing). Ratios come from medians over the repeats within each configuration (one Spark at a time
 * per JVM, so configurations run one after the other): on a shared machine read them with the load average printed
 * beside them.
 */
public final class ClusterBench {
    private static final int NO_OP_TASKS = 200;

    private ClusterBench() {}

    /** An empty task, for Spark's own cost per task. */
    private record Empty(int index) implements TaskItem {
        @Override
        public String describe() {
            return "empty task " + index;
        }
    }

    /** The benchmark sweep: 4 samplers x 4 step counts, exact W2 on a rotated 16-dimensional Gaussian. */
    static Sweep sweep() {
        return Sweep.grid().targets("gaussian:d=16,mean=1,var=0.05,spread=4").integrators("ddim", "heun", "dpmSolverPP2M", "ddpm")
                .steps(200, 400, 800, 1600).metrics("w2");
    }

    public static List<BenchRow> run(int repeats, Consumer<String> progress) {
        List<BenchRow> rows = new ArrayList<>();
        rows.add(load("before"));
        double[] local1 = configuration("local[1]", SparkOptions.of("local[1]"), repeats, progress, rows);
        double[] local2 = configuration("local[2]", SparkOptions.of("local[2]"), repeats, progress, rows);
        rows.add(new BenchRow("cluster", "local[2] against local[1], same sweep", "speed-up (median wall)", "x",
                ratio(local1, local2)));
        try (ScratchFolder dir = ScratchFolder.create("difflab-bench-cluster", "a folder for the standalone cluster", false)) {
            long start = System.nanoTime();
            try (LocalStandaloneCluster cluster = LocalStandaloneCluster.start(dir.path(), 2, 1, "1500m", line -> progress.accept(line))) {
                double daemons = (System.nanoTime() - start) / 1e9;
                rows.add(new BenchRow("cluster", "standalone: master + 2 workers (1 core each) on 127.0.0.1", "start of the daemons", "s",
                        new Spread(daemons, daemons, daemons)));
                double[] standalone = configuration("standalone 2 workers", SparkOptions.of(cluster.masterUrl()), repeats, progress, rows);
                rows.add(new BenchRow("cluster", "standalone 2 workers against local[1], same sweep", "speed-up (median wall)", "x",
                        ratio(local1, standalone)));
            }
        }
        rows.add(load("after"));
        return rows;
    }

    /** Starts Spark, runs the sweep and the empty job {@code repeats} times, stops it; returns the sweep's wall times. */
    private static double[] configuration(String name, SparkOptions options, int repeats, Consumer<String> progress, List<BenchRow> rows) {
        progress.accept("cluster: " + name);
        long start = System.nanoTime();
        try (Cluster spark = Cluster.start(options, line -> progress.accept(line))) {
            if (!options.master().local()) {
                spark.awaitExecutors(2);
            }
            double startup = (System.nanoTime() - start) / 1e9;
            rows.add(new BenchRow("cluster", name, "Spark start-up (to all executors)", "s", new Spread(startup, startup, startup)));
            SweepTable warmUp = sweep().run(spark, ProgressListener.NONE);
            double cellSeconds = warmUp.rows().stream().mapToDouble(SweepRow::seconds).sum();
            double[] walls = new double[repeats];
            double[] perTask = new double[repeats];
            for (int r = 0; r < repeats; r++) {
                walls[r] = sweep().run(spark, ProgressListener.NONE).seconds();
                long t0 = System.nanoTime();
                SparkTasks.run(spark, "empty", "task", IntStream.range(0, NO_OP_TASKS).mapToObj(Empty::new).toList(), Empty::index,
                        ProgressListener.NONE);
                perTask[r] = (System.nanoTime() - t0) / 1e6 / NO_OP_TASKS;
                progress.accept(String.format("cluster: %s repeat %d: sweep %.2f s, %.2f ms per empty task", name, r + 1, walls[r], perTask[r]));
            }
            rows.add(new BenchRow("cluster", name + ": sweep of " + warmUp.rows().size() + " cells (" + String.format("%.1f", cellSeconds)
                    + " s of cell time in the warm-up)", "wall time", "s", Spread.of(walls)));
            rows.add(new BenchRow("cluster", name + ": " + NO_OP_TASKS + " empty tasks", "wall per task", "ms", Spread.of(perTask)));
            return walls;
        }
    }

    /** The ratio of the medians, with the ratios of the extremes as its range (slowest against fastest, fastest against slowest). */
    private static Spread ratio(double[] base, double[] faster) {
        Spread b = Spread.of(base);
        Spread f = Spread.of(faster);
        return new Spread(b.median() / f.median(), b.low() / f.high(), b.high() / f.low());
    }

    /** The machine's 1-minute load average (Linux /proc/loadavg; NaN elsewhere), as the context of every ratio. */
    private static BenchRow load(String when) {
        double load;
        try {
            load = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            load = Double.NaN;
        }
        return new BenchRow("cluster", "machine, " + Runtime.getRuntime().availableProcessors() + " processors, " + when, "load average (1 min)",
                "", new Spread(load, load, load));
    }
}
