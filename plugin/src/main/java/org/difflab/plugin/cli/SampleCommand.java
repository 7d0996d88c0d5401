package org.difflab.plugin.cli;

import ai.djl.Device;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.difflab.distributed.sample.TargetModel;
import org.difflab.dsl.Diffusion;
import org.difflab.dsl.Require;
import org.difflab.dsl.grid.GridSpec;
import org.difflab.dsl.grid.Grids;
import org.difflab.dsl.control.AdaptiveResult;
import org.difflab.dsl.control.AdaptiveSpec;
import org.difflab.dsl.integrator.Integrator;
import org.difflab.dsl.integrator.Integrators;
import org.difflab.dsl.model.ScoreModel;
import org.difflab.dsl.observe.ProgressReport;
import org.difflab.dsl.observe.StepObserver;
import org.difflab.dsl.sampler.Sampler;
import org.difflab.dsl.sampler.Samples;
import org.difflab.dsl.schedule.NoiseSchedule;
import org.difflab.dsl.schedule.Schedules;
import org.difflab.dsl.target.Target;
import org.difflab.dsl.target.Targets;
import org.difflab.plugin.plot.ScatterPlot;
import org.difflab.runtime.DiffLabRuntime;
import org.difflab.runtime.data.ImageGrid;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code difflab sample}: draws samples with one integrator, either from a target's exact score (CSV/NPY and a scatter
 * plot) or from a network ({@code --model zoo:NAME|FILE.ckpt|FILE.pt}; CSV/NPY or, for images, a PNG grid); with
 * {@code --master} on Spark ({@link ClusterSample}), the same bytes.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw samples with the exact score of a target (--target) or with a network (--model) and write them as CSV "
                + "or NPY, with a scatter plot (targets) or as a PNG image grid (image models)."})
final class SampleCommand implements Callable<Integer> {

    // own options: alike in form to other commands', but names, defaults and help texts differ (a shared @Mixin would change --help)
    @Option(names = "--target", paramLabel = "SPEC", description = "Target spec, e.g. gmm:preset=ring8 (see 'difflab list targets'). Exactly one of --target and --model.")
    String target;

    @Option(names = "--model", paramLabel = "MODEL", description = "A network: zoo:NAME (see 'difflab train --list'; trained and cached on first use), "
            + "a DiffLab UNet checkpoint FILE.ckpt, or a TorchScript file FILE.pt (forward(x, t) -> prediction; give --event-shape).")
    String model;

    @Option(names = "--event-shape", paramLabel = "C,H,W", description = "Shape of one sample of a .pt model, e.g. 3,16,16 (required for .pt).")
    String eventShape;

    @Option(names = "--parameterization", paramLabel = "KIND", description = "What a .pt model predicts: eps, x0, v or score (default: "
            + ModelSource.DEFAULT_PARAMETERIZATION + ").")
    String parameterization;

    @Option(names = "--time", paramLabel = "SPEC", description = "How a .pt or .ckpt model reads time: index:N=1000 (DDPM index k - 1), "
            + "continuous:scale=S (S t) or sigma (sigma / alpha) (default: " + ModelSource.DEFAULT_TIME + ").")
    String time;

    @Option(names = "--integrator", required = true, paramLabel = "SPEC", description = "Integrator, e.g. heun or ddim:eta=0.5 (see 'difflab list integrators').")
    String integrator;

    @Option(names = "--controller", paramLabel = "SPEC", description = "Adaptive step sizes, each sample its own: "
            + "pi:rtol=R,atol=A[,pair=heun|dpm12|dpm23,pcoeff=..,icoeff=..,safety=..,minFactor=..,maxFactor=..,maxSteps=..]; "
            + "the pair defaults to the one embedded in --integrator (heun or dpm2); --steps and --grid then give only the "
            + "first step and the end points (docs/samplers.md, 'Adaptive step sizes').")
    String controller;

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

    /** The other commands' defaults, for the note of the defaults used (DefaultsUsed). */
    private static final String SAMPLE_DEFAULTS_NOTE = "eval and converge default to vp and logsnr";

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "DEV", description = "cpu, cuda or cuda:i (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the samples to FILE.csv (header x0,x1,...) or FILE.npy (float64, shape (n, d)); "
            + "with an image model also FILE.png, a grid of the samples (values -1..1 to black..full colour).")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Scatter plot of the first two coordinates over the target's density contours (--target only).")
    Path plot;

    @Option(names = "--columns", paramLabel = "N", description = "Tiles per row of a PNG grid (default: ceil(sqrt(n)), 8 for 64 samples).")
    Integer columns;

    @Option(names = "--scale", defaultValue = "4", paramLabel = "N", description = "Pixels per image pixel in a PNG grid, 1..64 (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--master", paramLabel = "URL", description = "Draw the samples on Spark, split by sample index: local[N], local[*] or "
            + "spark://HOST:PORT; the files are the same bytes as without it. A network's samples are split in whole --batch batches "
            + "(its bits depend on the batch): give a smaller --batch to spread them. Spark properties: -Dspark.KEY=VALUE in DIFFLAB_JAVA_OPTS.")
    String master;

    @Option(names = "--progress", description = "Print the run's progress to stderr as a line about once a second, for logs (without "
            + "it, a progress bar shows on runs longer than 2 s; Ctrl-C stops a run after its current step).")
    boolean progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Require.positive("--steps", steps);
        Require.positive("--n", n);
        Require.positive("--batch", batch);
        if ((target == null) == (model == null)) {
            throw new IllegalArgumentException((target == null ? "--target and --model are both missing" : "--target = " + target
                    + " and --model = " + model + " are both given") + ", which is not allowed: give exactly one of them");
        }
        return model == null ? sampleTarget() : sampleModel();
    }

    private Integer sampleTarget() {
        for (String[] o : new String[][] {{"--event-shape", eventShape}, {"--parameterization", parameterization}, {"--time", time}}) {
            if (o[1] != null) {
                throw new IllegalArgumentException(o[0] + " = " + o[1] + " is not allowed with --target: it describes a --model");
            }
        }
        if (columns != null) {
            throw new IllegalArgumentException("--columns = " + columns + " is not allowed with --target: it lays out the PNG grid of "
                    + "--model samples");
        }
        DataType type = dataType(dtype);
        String format = out == null ? null : format(out, false);
        if (out != null) {
            OutputPaths.file("--out", out, ".csv", ".npy");
        }
        if (plot != null) {
            OutputPaths.file("--plot", plot, ".png");
        }
        RequestSize.TargetShape shape = RequestSize.TargetShape.of(target);
        boolean streamed = out != null && plot == null && master == null && controller == null; // adaptive: counts of the whole run
        if (shape != null) {
            Budget b = new Budget();
            RequestSize.target(b, "--target", target, batch, type.getNumOfBytes());
            RequestSize.steps(b, "--steps", steps);
            RequestSize.kept(b, streamed ? StreamedSamples.chunk(n, batch, shape.d()) : n, shape.d(), "the target's d", type.getNumOfBytes());
            RequestSize.batch(b, Math.min(batch, n), shape.d(), type.getNumOfBytes(), false);
            check(b, "the target's d or k" + (streamed || plot != null ? "" : ", or stream the samples to a file with --out FILE.csv|.npy "
                    + "(bounded memory)"));
        }
        NoiseSchedule sched = Schedules.parse(schedule);
        TargetRange.check("--target", target, type, sched.priorStd(), line -> {
            spec.commandLine().getErr().println(line);
            spec.commandLine().getErr().flush();
        });
        Target t = Targets.parse(target);
        if (plot != null && t.dim() < 2) {
            throw new IllegalArgumentException("--plot needs a target of dimension >= 2, but --target = " + target + " has d = " + t.dim());
        }
        Integrator method = Integrators.parse(integrator);
        AdaptiveSpec adaptive = adaptive(method);
        GridSpec rule = Grids.parse(grid, steps);
        int gridSteps = rule.on(sched).steps();
        if (master != null) {
            DefaultsUsed.note(spec, schedule, grid, SAMPLE_DEFAULTS_NOTE);
            return ClusterSample.run(clusterRequest(), new TargetModel(target), new Shape(t.dim()), format, plot == null ? null
                    : rows -> ScatterPlot.write(plot, t, rows, method.spec() + ", " + gridSteps + " steps, " + t.spec()), gridSteps);
        }

        DiffLabRuntime.engine();
        Device dev = DiffLabRuntime.device(device);
        DefaultsUsed.note(spec, schedule, grid, SAMPLE_DEFAULTS_NOTE); // after every check: bad input is one line
        TerminalProgress bar = progress ? null : new TerminalProgress(spec.commandLine().getErr(), n, terminal(), 2000, 1000);
        SamplingEstimate.announce(this::note, "difflab sample", n, batch, gridSteps, k -> Diffusion.sampler().schedule(sched).target(t)
                .integrator(Integrators.parse(integrator)).grid(Grids.parse(grid, k)).seed(seed).batchSize(batch).dataType(type).device(dev));
        Sampler sampler = adaptive(Diffusion.sampler().schedule(sched).target(t).integrator(method).grid(rule).seed(seed)
                .batchSize(batch).dataType(type).device(dev).observer(progress(bar)), adaptive, method);
        try (StagedFiles files = new StagedFiles()) {
            if (streamed) {
                StreamedSamples.Written[] w = new StreamedSamples.Written[1];
                files.stage("--out", out, temp -> w[0] = StreamedSamples.write(sampler, seed, n, batch, t.dim(), format, temp));
                files.commit();
                summary(w[0].n(), w[0].dim(), w[0].integrator(), w[0].steps(), w[0].nfe(), w[0].seconds(), List.of(out.toString()), "--out");
                return 0;
            }
            List<String> written = new ArrayList<>();
            try (Samples s = sampler.sample(n)) {
                double[][] rows = s.rows();
                if (out != null) {
                    files.stage("--out", out, temp -> {
                        if (format.equals("csv")) {
                            CsvFile.write(temp, rows);
                        } else {
                            NpyFile.write(temp, rows);
                        }
                    });
                    written.add(out.toString());
                }
                if (plot != null) {
                    files.stage("--plot", plot, temp -> ScatterPlot.write(temp, t, rows, s.integrator() + ", " + s.steps() + " steps, " + t.spec()));
                    written.add(plot.toString());
                }
                files.commit();
                summary(s, written, "--out or --plot");
            }
        }
        return 0;
    }

    /** One line on stderr. */
    /** The options a run on Spark (--master) reads. */
    private ClusterSample.Request clusterRequest() {
        return new ClusterSample.Request(spec, master, device, schedule, integrator, grid, steps, seed, batch, dtype.equalsIgnoreCase("float64"), n,
                progress, out, columns, scale, plot);
    }

    private void note(String line) {
        spec.commandLine().getErr().println(line);
        spec.commandLine().getErr().flush();
    }

    /** Refuses a request over the memory budget, naming the options to lower. */
    private void check(Budget b, String what) {
        b.check("sample --n " + n + " --steps " + steps + " --batch " + batch + (target != null ? " --target " + target : " --model " + model),
                "--n, --steps, --batch or " + what);
    }

    /** Refuses a network run whose kept samples or activations cannot fit. */
    private void modelBudget(long values, DataType type) {
        Budget b = new Budget();
        RequestSize.steps(b, "--steps", steps);
        RequestSize.kept(b, n, values, eventShape != null ? "--event-shape " + eventShape : "the model's sample shape", type.getNumOfBytes());
        RequestSize.batch(b, Math.min(batch, n), values, type.getNumOfBytes(), true);
        check(b, "--event-shape (the model's sample shape)");
    }

    private boolean terminal() {
        DiffLabCommand root = spec.root().userObject() instanceof DiffLabCommand c ? c : null;
        return root != null && root.stderrIsTerminal();
    }

    private Integer sampleModel() {
        if (plot != null) {
            throw new IllegalArgumentException("--plot = " + plot + " is not allowed with --model: it draws over a target's density; "
                    + "for images use --out FILE.png");
        }
        if (columns != null) {
            Require.positive("--columns", columns);
        }
        Require.inRange("--scale", scale, 1, 64);
        DataType type = dataType(dtype);
        String format = out == null ? null : format(out, true);
        if (out != null) {
            OutputPaths.file("--out", out, ".csv", ".npy", ".png");
        }
        Integrator method = Integrators.parse(integrator);
        AdaptiveSpec adaptive = adaptive(method);
        NoiseSchedule sched = Schedules.parse(schedule);
        GridSpec rule = Grids.parse(grid, steps);
        if (eventShape != null) {
            modelBudget(ModelSource.shape(eventShape).size(), type);
        }
        RequestSize.steps(new Budget(), "--steps", steps).check("sample --steps " + steps, "--steps");
        rule.on(sched);
        DiffLabRuntime.engine();
        Device dev = DiffLabRuntime.device(device);
        PrintWriter err = spec.commandLine().getErr();
        try (ModelSource source = ModelSource.open(model, eventShape, parameterization, time, sched, dev, line -> {
            err.println(line);
            err.flush();
        })) {
            ScoreModel network = source.model();
            if ("png".equals(format) && !ModelSource.isImage(network.eventShape())) {
                throw new IllegalArgumentException("--out = " + out + " is not allowed for --model " + model + " with samples of shape "
                        + ModelSource.describe(network.eventShape()) + ": a PNG grid needs images C,H,W with C = 1 or 3; use .npy or .csv");
            }
            if (master != null) {
                return ClusterSample.run(clusterRequest(), NetworkModel.of(model, eventShape, parameterization, time), network.eventShape(), format, null,
                        rule.on(sched).steps());
            }
            modelBudget(network.eventShape().size(), type);
            int gridSteps = rule.on(sched).steps();
            SamplingEstimate.announce(this::note, "difflab sample", n, batch, gridSteps, k -> Diffusion.sampler().schedule(sched).model(network)
                    .integrator(Integrators.parse(integrator)).grid(Grids.parse(grid, k)).seed(seed).batchSize(batch).dataType(type).device(dev));
            Sampler sampler = adaptive(Diffusion.sampler().schedule(sched).model(network).integrator(method).grid(rule).seed(seed)
                    .batchSize(batch).dataType(type).device(dev)
                    .observer(progress(progress ? null : new TerminalProgress(err, n, terminal(), 2000, 1000))), adaptive, method);
            List<String> written = new ArrayList<>();
            try (Samples s = sampler.sample(n); StagedFiles files = new StagedFiles()) {
                if (format != null) {
                    files.stage("--out", out, temp -> {
                        switch (format) {
                            case "png" -> ImageGrid.write(temp, s.tensor(), columns != null ? columns : (int) Math.ceil(Math.sqrt(n)), scale);
                            case "csv" -> CsvFile.write(temp, s.rows());
                            default -> NpyFile.write(temp, s.rows());
                        }
                    });
                    files.commit();
                    written.add(out.toString());
                }
                summary(s, written, "--out");
            }
        }
        return 0;
    }

    /** The parsed --controller (null without one), checked against the integrator and --master before any work. */
    private AdaptiveSpec adaptive(Integrator method) {
        if (controller == null) {
            return null;
        }
        if (master != null) {
            throw new IllegalArgumentException("--controller = " + controller + " is not allowed with --master: adaptive runs are local only");
        }
        AdaptiveSpec a = AdaptiveSpec.parse(controller);
        a.pairFor(method); // fails naming the integrator and the pairs allowed
        return a;
    }

    private static Sampler adaptive(Sampler sampler, AdaptiveSpec adaptive, Integrator method) {
        return adaptive == null ? sampler : sampler.controller(adaptive.controller(), adaptive.pairFor(method));
    }

    /** With --progress a line on stderr about once a second (for logs); otherwise a progress bar once a run passes 2 s. */
    private StepObserver progress(TerminalProgress bar) {
        PrintWriter err = spec.commandLine().getErr();
        if (bar != null) {
            return bar;
        }
        if (progress) {
            return new ProgressReport(line -> {
                err.println(line);
                err.flush();
            }, 1000);
        }
        return e -> { };
    }

    private void summary(Samples s, List<String> written, String options) {
        summary(s.size(), s.dim(), s.integrator(), s.steps(), s.nfe(), s.wallTime().toNanos() / 1e9, written, options);
        Long accepted = s.counters().get(AdaptiveResult.ACCEPTED);
        if (accepted != null) {
            spec.commandLine().getOut().printf(Locale.ROOT, "adaptive: %d accepted and %d rejected steps in all (%.1f and %.1f per sample), "
                    + "NFE per sample %.1f on average, %d at most (steps= and nfe= above: the most of one sample)%n", accepted,
                    s.counters().get(AdaptiveResult.REJECTED), accepted / (double) s.size(), s.counters().get(AdaptiveResult.REJECTED) / (double) s.size(),
                    s.counters().get(AdaptiveResult.SAMPLE_NFE) / (double) s.size(), s.nfe());
            spec.commandLine().getOut().flush();
        }
    }

    private void summary(int size, int dim, String method, int steps, long nfe, double seconds, List<String> written, String options) {
        spec.commandLine().getOut().printf(Locale.ROOT, "sampled n=%d dim=%d integrator=%s steps=%d nfe=%d wall=%.3f s%s%n",
                size, dim, method, steps, nfe, seconds,
                written.isEmpty() ? " (no output file: use " + options + ")" : " -> " + String.join(", ", written));
        spec.commandLine().getOut().flush();
    }

    private static DataType dataType(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "float32" -> DataType.FLOAT32;
            case "float64" -> DataType.FLOAT64;
            default -> throw new IllegalArgumentException("--dtype = " + name + " is not allowed: must be float32 or float64");
        };
    }

    private static String format(Path file, boolean png) {
        String name = file.toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return "csv";
        }
        if (name.endsWith(".npy")) {
            return "npy";
        }
        if (png && name.endsWith(".png")) {
            return "png";
        }
        throw new IllegalArgumentException("--out = " + (name.isEmpty() ? "''" : file) + " is not allowed: must be a file name ending in .csv or .npy"
                + (png ? " or .png" : " (.png grids are for --model)"));
    }
}
