package org.difflab.plugin.cli;

import ai.djl.ndarray.types.Shape;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.difflab.distributed.io.AtomicFile;
import org.difflab.distributed.job.ConsoleProgress;
import org.difflab.distributed.sample.ModelFactory;
import org.difflab.distributed.sample.PartitionedSampling;
import org.difflab.distributed.sample.SampleJob;
import org.difflab.distributed.sample.SamplePart;
import org.difflab.distributed.sample.TargetModel;
import org.difflab.distributed.spark.Cluster;
import org.difflab.distributed.spark.SparkOptions;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.data.ImageGrid;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code difflab sample --master URL}: the same samples as the local command, drawn by sample index across Spark's
 * executors ({@link PartitionedSampling}) and written part after part, in index order, into a temporary file that is
 * then moved into place: the CSV, NPY or PNG bytes of the local run with the same options.
 */
final class ClusterSample {
    private ClusterSample() {}

    /**
     * What {@code difflab sample --master} was asked: the command's options that the cluster run reads (a record, so that this
     * class does not import the command).
     */
    record Request(CommandSpec spec, String master, String device, String schedule, String integrator, String grid, int steps, long seed,
                   int batch, boolean float64, int n, boolean progress, Path out, Integer columns, int scale, Path plot) {
    }

    /**
     * Samples on the master.
     *
     * @param model  what to sample from (a target's exact score or a network)
     * @param event  the shape of one sample
     * @param format csv, npy, png or null (no --out)
     * @param plot   writes the scatter plot from the rows (targets), or null
     */
    static Integer run(Request c, ModelFactory model, Shape event, String format, PlotWriter plot, int gridSteps) {
        PrintWriter err = c.spec().commandLine().getErr();
        SparkOptions options = SparkOptions.of(c.master()).withAppName("difflab sample");
        if (options.master().local()) {
            DiffLabRuntime.device(c.device()); // the executors are this JVM: refuse a device it lacks before starting Spark
        }
        SampleJob job = new SampleJob(model, c.schedule(), c.integrator(), c.grid(), c.steps(), c.seed(), c.batch(), c.float64(), c.device());
        PartitionedSampling.Result result;
        try (Cluster cluster = Cluster.start(options, line -> {
            err.println(line);
            err.flush();
        })) {
            int parts = PartitionedSampling.defaultParts(cluster);
            result = PartitionedSampling.run(cluster, job, c.n(), parts,
                    c.progress() ? new ConsoleProgress(err, false, 1000) : ConsoleProgress.onStderr(err));
        }
        List<String> written = new ArrayList<>();
        if (format != null) {
            write(c.out(), format, result, event, c.columns() != null ? c.columns() : (int) Math.ceil(Math.sqrt(c.n())), c.scale());
            written.add(c.out().toString());
        }
        if (plot != null) {
            plot.write(rows(result));
            written.add(c.plot().toString());
        }
        c.spec().commandLine().getOut().printf(Locale.ROOT, "sampled n=%d dim=%d integrator=%s steps=%d nfe=%d wall=%.3f s on %s (%d partitions)%s%n",
                result.size(), result.dim(), Integrators.parse(c.integrator()).spec(), gridSteps, result.nfe(), result.seconds(), c.master(),
                result.partitions(), written.isEmpty() ? " (no output file: use " + (model instanceof TargetModel ? "--out or --plot" : "--out") + ")"
                        : " -> " + String.join(", ", written));
        c.spec().commandLine().getOut().flush();
        return 0;
    }

    /** Draws a plot from all rows. */
    @FunctionalInterface
    interface PlotWriter {
        void write(double[][] rows);
    }

    /** Writes the parts in order into a temporary file beside {@code out}, then moves it into place. */
    static void write(Path out, String format, PartitionedSampling.Result r, Shape event, int columns, int scale) {
        int d = r.dim();
        switch (format) {
            case "csv" -> AtomicFile.write(out, temp -> {
                try (BufferedWriter w = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    CsvFile.header(w, d);
                    for (SamplePart p : r.parts()) {
                        CsvFile.rows(w, p.values(), d);
                    }
                }
            });
            case "npy" -> AtomicFile.write(out, temp -> {
                try (OutputStream o = Files.newOutputStream(temp)) {
                    o.write(NpyFile.header(r.size(), d));
                    for (SamplePart p : r.parts()) {
                        NpyFile.values(o, p.values());
                    }
                }
            });
            default -> {
                float[] values = new float[r.size() * d];
                int at = 0;
                for (SamplePart p : r.parts()) {
                    for (double v : p.values()) {
                        values[at++] = (float) v;
                    }
                }
                var picture = ImageGrid.render(values, r.size(), (int) event.get(0), (int) event.get(1), (int) event.get(2), columns, scale);
                AtomicFile.write(out, temp -> {
                    if (!ImageIO.write(picture, "png", temp.toFile())) {
                        throw new IOException("no PNG writer available");
                    }
                });
            }
        }
    }

    private static double[][] rows(PartitionedSampling.Result r) {
        int d = r.dim();
        double[][] rows = new double[r.size()][];
        int i = 0;
        for (SamplePart p : r.parts()) {
            for (int k = 0; k < p.rows(); k++) {
                rows[i++] = Arrays.copyOfRange(p.values(), k * d, (k + 1) * d);
            }
        }
        return rows;
    }
}
