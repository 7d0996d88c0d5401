package org.difflab.plugin.cli;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.Require;
import org.difflab.dsl.grid.GridSpec;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.sampler.Sampler;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;
import org.difflab.runtime.DiffLabRuntime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code difflab sample}: draws samples from a target's exact score with one integrator, writes CSV/NPY and a plot. */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Draw samples with the exact score of a target and write them as CSV or NPY, optionally with a scatter plot.")
final class SampleCommand implements Callable<Integer> {

    @Option(names = "--target", required = true, paramLabel = "SPEC", description = "Target spec, e.g. gmm:preset=ring8 (see 'difflab list targets').")
    String target;

    @Option(names = "--integrator", required = true, paramLabel = "SPEC", description = "Integrator, e.g. heun or ddim:eta=0.5 (see 'difflab list integrators').")
    String integrator;

    @Option(names = "--steps", required = true, paramLabel = "N", description = "Number of sampling steps (>= 1).")
    int steps;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Number of samples (>= 1).")
    int n;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S", description = "Seed of the per-sample noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--schedule", defaultValue = "linear:T=1000", paramLabel = "SPEC", description = "Noise schedule (default: ${DEFAULT-VALUE}).")
    String schedule;

    @Option(names = "--grid", defaultValue = "uniform", paramLabel = "SPEC", description = "Time-grid rule (default: ${DEFAULT-VALUE}).")
    String grid;

    @Option(names = "--batch", defaultValue = "4096", paramLabel = "N", description = "Samples per batch; results do not depend on it (default: ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--dtype", defaultValue = "float32", paramLabel = "TYPE", description = "float32 or float64 (default: ${DEFAULT-VALUE}).")
    String dtype;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "DEV", description = "cpu, cuda or cuda:i (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the samples to FILE.csv (header x0,x1,...) or FILE.npy (float64, shape (n, d)).")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Scatter plot of the first two coordinates over the target's density contours.")
    Path plot;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Require.positive("--steps", steps);
        Require.positive("--n", n);
        Require.positive("--batch", batch);
        DataType type = dataType(dtype);
        String format = out == null ? null : format(out);
        if (plot != null && !plot.toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new IllegalArgumentException("--plot = " + plot + " is not allowed: must be a file name ending in .png");
        }
        Target t = Targets.parse(target);
        if (plot != null && t.dim() < 2) {
            throw new IllegalArgumentException("--plot needs a target of dimension >= 2, but --target = " + target + " has d = " + t.dim());
        }
        Integrator method = Integrators.parse(integrator);
        NoiseSchedule sched = Schedules.parse(schedule);
        GridSpec rule = Grids.parse(grid, steps);
        rule.on(sched);

        DiffLabRuntime.engine();
        Device dev = DiffLabRuntime.device(device);
        Sampler sampler = Diffusion.sampler().schedule(sched).target(t).integrator(method).grid(rule).seed(seed)
                .batchSize(batch).dataType(type).device(dev);
        List<String> written = new ArrayList<>();
        try (Samples s = sampler.sample(n)) {
            double[][] rows = s.rows();
            if (out != null) {
                if (format.equals("csv")) {
                    CsvFile.write(out, rows);
                } else {
                    NpyFile.write(out, rows);
                }
                written.add(out.toString());
            }
            if (plot != null) {
                ScatterPlot.write(plot, t, rows, s.integrator() + ", " + s.steps() + " steps, " + t.spec());
                written.add(plot.toString());
            }
            spec.commandLine().getOut().printf(Locale.ROOT, "sampled n=%d dim=%d integrator=%s steps=%d nfe=%d wall=%.3f s%s%n",
                    s.size(), s.dim(), s.integrator(), s.steps(), s.nfe(), s.wallTime().toNanos() / 1e9,
                    written.isEmpty() ? " (no output file: use --out or --plot)" : " -> " + String.join(", ", written));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private static DataType dataType(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "float32" -> DataType.FLOAT32;
            case "float64" -> DataType.FLOAT64;
            default -> throw new IllegalArgumentException("--dtype = " + name + " is not allowed: must be float32 or float64");
        };
    }

    private static String format(Path file) {
        String name = file.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return "csv";
        }
        if (name.endsWith(".npy")) {
            return "npy";
        }
        throw new IllegalArgumentException("--out = " + file + " is not allowed: must be a file name ending in .csv or .npy");
    }
}
