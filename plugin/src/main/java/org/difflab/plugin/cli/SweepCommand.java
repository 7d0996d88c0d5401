package org.difflab.plugin.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.difflab.distributed.job.ConsoleProgress;
import org.difflab.distributed.spark.SparkOptions;
import org.difflab.distributed.sweep.Cell;
import org.difflab.distributed.sweep.CellKind;
import org.difflab.distributed.sweep.Sweep;
import org.difflab.distributed.sweep.SweepGrid;
import org.difflab.distributed.sweep.SweepTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code difflab sweep}: a grid of independent cells (targets x dimensions x integrators x step counts or tolerances x
 * metrics x seeds) evaluated as Spark tasks, on the embedded {@code local[*]} by default or a standalone cluster; writes
 * the table (Parquet, CSV, JSON) with its fitted orders or complexity exponents and plots. The grid comes from the
 * options, a grid file ({@code --file}; options given too replace the file's value of the same key), or both; it is
 * checked whole before Spark starts.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a grid of exact or Monte Carlo error cells on Spark (local[*] or a standalone cluster) and write the table "
                + "(sweep.parquet, sweep.csv, sweep.json), fitted orders or complexity exponents, and plots."})
final class SweepCommand implements Callable<Integer> {

    // own options: alike in form to other commands', but names, defaults and help texts differ (a shared @Mixin would change --help)
    @Option(names = "--file", paramLabel = "GRID", description = "A grid file: key = value lines with these options' names as keys (# comments).")
    Path file;

    @Option(names = "--target", paramLabel = "SPEC[,SPEC]", description = "Targets, e.g. gaussian:mean=1,var=0.05 (Gaussian for exact "
            + "metrics; gmm:... with Monte Carlo metrics).")
    List<String> target;

    @Option(names = "--dims", paramLabel = "D,D,...", description = "Dimensions: each target with d set to each (default: the spec's d).")
    List<String> dims;

    @Option(names = "--integrator", paramLabel = "SPEC[,SPEC]", description = "Integrators with parameters, e.g. ddim,heun,ddim:eta=0.5.")
    List<String> integrator;

    @Option(names = "--steps", paramLabel = "T,T,...", description = "Step counts (errors against steps). Exactly one of --steps and --eps.")
    List<String> steps;

    @Option(names = "--eps", paramLabel = "E,E,...", description = "Tolerances: the smallest step count with exact error <= eps, per cell.")
    List<String> eps;

    @Option(names = "--metric", paramLabel = "NAME,...", description = "Exact: kl, klReverse, sqrtKl, hellinger, hellingerSquared, w2, tv; "
            + "Monte Carlo: mmd2, slicedW2sq, energy, ks, w1 (default: w2).")
    List<String> metric;

    @Option(names = "--seeds", paramLabel = "S,S,...", description = "Seeds of the Monte Carlo cells (default: 0).")
    List<String> seeds;

    @Option(names = "--n", paramLabel = "N", description = "Samples per Monte Carlo cell (default: " + SweepGrid.SAMPLES + ").")
    List<String> n;

    @Option(names = "--schedule", paramLabel = "SPEC", description = "Noise schedule (default: vp).")
    List<String> schedule;

    @Option(names = "--grid", paramLabel = "SPEC", description = "Time-grid rule (default: logsnr).")
    List<String> grid;

    @Option(names = "--init", paramLabel = "prior|exact", description = "Initial law of exact cells (default: exact).")
    List<String> init;

    @Option(names = "--reference", paramLabel = "x0|x1", description = "Exact cells: x1 = against law(X_tMin), x0 = against the target "
            + "(default: x1). Monte Carlo cells always compare with the target.")
    List<String> reference;

    @Option(names = "--proxy", paramLabel = "T|h", description = "Fit orders against T or h = ln T / T (default: T).")
    List<String> proxy;

    @Option(names = "--min-steps", paramLabel = "N", description = "First step count of a --eps search (default: 1).")
    List<String> minSteps;

    @Option(names = "--max-steps", paramLabel = "N", description = "Cap of a --eps search; cells above it are censored (default: 4096).")
    List<String> maxSteps;

    @Option(names = "--master", defaultValue = "local[*]", paramLabel = "URL", description = "local, local[N], local[*] or "
            + "spark://HOST:PORT (default: ${DEFAULT-VALUE}).")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark property, e.g. spark.executor.memory=4g (repeatable).")
    List<String> conf = new ArrayList<>();

    @Option(names = "--ui", description = "Run Spark's web UI and print its address (off by default: it listens on every interface).")
    boolean ui;

    @Option(names = "--connect-timeout", defaultValue = "10", paramLabel = "S", description = "Seconds to reach a spark:// master "
            + "(default: ${DEFAULT-VALUE}).")
    int connectTimeout;

    @Option(names = "--executor-timeout", defaultValue = "90", paramLabel = "S", description = "Seconds to wait for a cluster's first "
            + "executor (default: ${DEFAULT-VALUE}).")
    int executorTimeout;

    @Option(names = "--out", defaultValue = "sweep", paramLabel = "DIR", description = "Folder of the table and plots (default: ${DEFAULT-VALUE}).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (connectTimeout < 1 || executorTimeout < 1) {
            throw new IllegalArgumentException((connectTimeout < 1 ? "--connect-timeout = " + connectTimeout : "--executor-timeout = "
                    + executorTimeout) + " is not allowed: must be an integer >= 1 (seconds)");
        }
        OutputPaths.folder("--out", out);
        if (file != null) {
            InputFiles.requireText("--file", file);
        }
        positiveCounts("--min-steps", minSteps);
        positiveCounts("--max-steps", maxSteps);
        SparkOptions options = SparkOptions.of(master).withAppName("difflab sweep").withUi(ui).withConf(conf)
                .withTimeouts(Duration.ofSeconds(connectTimeout), Duration.ofSeconds(executorTimeout));
        Sweep sweep = file == null ? Sweep.grid() : Sweep.fromFile(file);
        options().forEach(sweep::set);
        SweepGrid checked = sweep.build();
        budget(checked.cells());
        PrintWriter err = spec.commandLine().getErr();
        err.println("sweep: " + checked.cells().size() + " cells on " + master);
        err.flush();
        SweepTable table = sweep.run(options, ConsoleProgress.onStderr(err), line -> {
            err.println(line);
            err.flush();
        });
        List<Path> files = StagedFolder.write("--out", out, table::write);
        PrintWriter w = spec.commandLine().getOut();
        w.print(table);
        w.println("wrote " + files.size() + " files to " + out + ": " + String.join(", ", files.stream().map(p -> p.getFileName().toString()).toList()));
        w.flush();
        return 0;
    }

    /**
     * Refuses, before Spark starts, a grid whose largest cell cannot fit as many times as cells run at once on a local
     * master (local: 1, local[N]: N, local[*]: the processors; a spark:// cluster's executors have their own memory): a
     * Monte Carlo cell keeps its n samples of d values and as many of the target's (rows and tensors), every cell its
     * target's arrays and its grid ({@link RequestSize}).
     */
    private void budget(List<Cell> cells) {
        java.util.regex.Matcher local = java.util.regex.Pattern.compile("local(?:\\[(\\*|\\d+)])?").matcher(master);
        if (!local.matches()) {
            return;
        }
        int atOnce = local.group(1) == null ? 1 : local.group(1).equals("*") ? Runtime.getRuntime().availableProcessors()
                : Math.max(1, Integer.parseInt(local.group(1)));
        Cell largest = cells.stream().max(Comparator.comparingDouble(c -> (double) Math.max(1, c.samples()) * c.dim())).orElseThrow();
        Budget b = new Budget();
        RequestSize.target(b, "--target", largest.target(), 1, Double.BYTES);
        RequestSize.steps(b, "--steps", cells.stream().mapToLong(c -> c.kind() == CellKind.SMALLEST_STEPS ? c.setup().maxSteps() : c.steps()).max()
                .orElse(1));
        double values = (double) largest.samples() * largest.dim();
        if (largest.samples() > 0) {
            b.arrayLength("--n = " + largest.samples() + " samples of d = " + largest.dim(), values);
            String kept = String.format(Locale.ROOT, "%d cell%s at once (--master %s) x --n = %d samples of d = %d and as many target samples",
                    atOnce, atOnce == 1 ? "" : "s", master, largest.samples(), largest.dim());
            b.heap(kept, atOnce * 2.0 * (Double.BYTES * values + 16.0 * largest.samples()));
            b.tensors(kept + " as tensors", atOnce * 2.0 * Double.BYTES * values);
        }
        b.check("sweep with --n " + largest.samples() + " and d = " + largest.dim() + " on --master " + master,
                "--n, --dims or the cells at once (--master local[1])");
    }

    /** Step bounds are whole numbers >= 1 (else the grid rule, not the option, would be named in the error). */
    private static void positiveCounts(String option, List<String> values) {
        for (String v : values == null ? List.<String>of() : values) {
            for (String part : v.split(",")) {
                int k;
                try {
                    k = Integer.parseInt(part.trim());
                } catch (NumberFormatException e) {
                    k = 0;
                }
                if (k < 1) {
                    throw new IllegalArgumentException(option + " = " + v + " is not allowed: must be a whole number >= 1");
                }
            }
        }
    }

    /** The grid keys given on the command line, split as grid files split them. */
    private Map<String, List<String>> options() {
        Map<String, List<String>> raw = new LinkedHashMap<>();
        Object[][] given = {{"target", target}, {"dims", dims}, {"integrator", integrator}, {"steps", steps}, {"eps", eps}, {"metric", metric},
                {"seeds", seeds}, {"n", n}, {"schedule", schedule}, {"grid", grid}, {"init", init}, {"reference", reference}, {"proxy", proxy},
                {"min-steps", minSteps}, {"max-steps", maxSteps}};
        for (Object[] g : given) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) g[1];
            if (values != null) {
                for (String v : values) {
                    if (v.isBlank() && g[0].equals("dims")) { // an empty --dims read as none given: the specs' own d would be swept
                        throw new IllegalArgumentException("--" + g[0] + " = '' is not allowed: give a value (or leave the option out for its default)");
                    }
                }
                List<String> entries = new ArrayList<>();
                values.forEach(v -> entries.addAll(SweepGrid.entries((String) g[0], v)));
                raw.put((String) g[0], entries);
            }
        }
        return raw;
    }
}
